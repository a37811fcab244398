#include <doctest/doctest.h>

#include <cmath>

#include "core/text/number_format.hpp"

using namespace rapport;

TEST_CASE("fixedDecimals writes exactly the asked decimals") {
    CHECK(fixedDecimals(82.46, 0) == "82");
    CHECK(fixedDecimals(82.46, 1) == "82.5");
    CHECK(fixedDecimals(3, 2) == "3.00");
    CHECK(fixedDecimals(-0.25, 1) == "-0.2");  // 0.25 is exact: printf rounds half to even
}

TEST_CASE("oneDecimal always has one decimal") {
    CHECK(oneDecimal(70) == "70.0");
    CHECK(oneDecimal(66.666) == "66.7");
    CHECK(oneDecimal(1.5 / 1000.0 * 1000.0) == "1.5");
    CHECK(oneDecimal(0.04) == "0.0");
}

TEST_CASE("oneDecimalOrWhole drops a trailing .0 only") {
    CHECK(oneDecimalOrWhole(70) == "70");
    CHECK(oneDecimalOrWhole(70.04) == "70");
    CHECK(oneDecimalOrWhole(70.05001) == "70.1");
    CHECK(oneDecimalOrWhole(100) == "100");
    CHECK(oneDecimalOrWhole(-0.04) == "-0");
    CHECK(oneDecimalOrWhole(0.5) == "0.5");
}

TEST_CASE("upToDecimals drops trailing zeros and a bare point") {
    CHECK(upToDecimals(82.5, 2) == "82.5");
    CHECK(upToDecimals(70, 2) == "70");
    CHECK(upToDecimals(100, 2) == "100");  // the zeros of the whole part stay
    CHECK(upToDecimals(0.125, 2) == "0.12");
    CHECK(upToDecimals(0.001, 2) == "0");
    CHECK(upToDecimals(10, 0) == "10");
}

TEST_CASE("roundToDecimals rounds half away from zero") {
    CHECK(roundToDecimals(82.45, 1) == doctest::Approx(82.5).epsilon(1e-12));
    CHECK(roundToDecimals(2.5, 0) == 3);
    CHECK(roundToDecimals(-2.5, 0) == -3);
    CHECK(roundToDecimals(0.123456, 4) == doctest::Approx(0.1235).epsilon(1e-12));
    CHECK(roundToDecimals(66.66666, 1) == std::round(66.66666 * 10.0) / 10.0);
}

TEST_CASE("byteSize says a size plainly, with the exact count") {
    CHECK(byteSize(0) == "0 bytes");
    CHECK(byteSize(1) == "1 byte");
    CHECK(byteSize(1023) == "1,023 bytes");
    CHECK(byteSize(1536) == "1.5 KiB (1,536 bytes)");
    CHECK(byteSize(16u * 1024u * 1024u) == "16 MiB (16,777,216 bytes)");
    CHECK(byteSize(16u * 1024u * 1024u + 1u) == "16.0 MiB (16,777,217 bytes)");
    CHECK(byteSize(1024ull * 1024 * 1024) == "1 GiB (1,073,741,824 bytes)");
    CHECK(groupedDigits(1234567) == "1,234,567");
    CHECK(groupedDigits(999) == "999");
}
