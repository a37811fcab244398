// Initials on an avatar (issue #16 item 4): first name and surname, never the patronymic.
#include <doctest/doctest.h>

#include "core/text/initials.hpp"

using rapport::initialsOf;

TEST_CASE("initials: first name and surname, in every script of the library") {
    CHECK(initialsOf("Анна Петрова") == "АП");
    CHECK(initialsOf("Евгения Викторовна Смирнова") == "ЕС");  // not "ЕВ"
    CHECK(initialsOf("Руслан Ильич Гафаров") == "РГ");
    CHECK(initialsOf("Смирнова Евгения Викторовна") == "СЕ");  // surname first: still no patronymic
    CHECK(initialsOf("Дмитрий Дмитриевич Шостакович") == "ДШ");
    CHECK(initialsOf("Ruslan Ilyich Gafarov") == "RG");
    CHECK(initialsOf("Elif Aydın") == "EA");
    CHECK(initialsOf("anna-maria von der leyen") == "AL");
    CHECK(initialsOf("Dana") == "D");
    CHECK(initialsOf("中村 美和") == "中村");
    CHECK(initialsOf("田中花子") == "田中");
    CHECK(initialsOf("ёлкин иван") == "ЁИ");
    CHECK(initialsOf("  ") == "?");
    CHECK(initialsOf("42 !!") == "?");
    CHECK(initialsOf(std::string("\xff\xfe Bob")) == "B");
}
