// The letters on an avatar when a person has no portrait: first name and surname, by the naming
// customs of the library's languages.
#pragma once

#include <string>
#include <string_view>

namespace rapport {

// - "Анна Петрова" → "АП"; "Евгения Викторовна Смирнова" → "ЕС": a Russian patronymic
//   (-ович, -евич, -ич, -овна, -евна, -ична, -инична, and the transliterated -ovich, -ovna, …) is
//   not a surname, so a three-part name gives first name and surname, never "ЕВ";
//   "Ruslan Ilyich Gafarov" → "RG".
// - Japanese, Chinese and Korean names: the first two characters of the first word, the family
//   name as written ("中村 美和" → "中村").
// - Letters are upper-cased ("anna petrova" → "AP"); no letters at all → "?".
std::string initialsOf(std::string_view name);

}  // namespace rapport
