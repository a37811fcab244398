// A figure with its uncertainty, as every reliability statistic reports it. "Not computable" is
// an absent value (too few attempts, no variance), never NaN, so no export ever prints "nan".
#pragma once

#include <optional>
#include <string>

namespace rapport {

struct Interval {
    double low = 0;
    double high = 0;
};

struct Estimate {
    std::optional<double> value;  // absent = not computable (see `reason`)
    std::optional<Interval> ci;   // 95 % confidence interval, when the value has one
    int n = 0;                    // subjects (attempts or trainees) it rests on
    // False below kMinTrustworthySample: the figure is shown greyed, with a warning.
    bool trustworthy = false;
    std::string reason;  // why there is no value: "too few attempts", "no variance", …
};

// Below 30 subjects a reliability or correlation figure is shown as not trustworthy. Why 30: the
// Fisher-z and Feldt intervals rest on large-sample approximations that are commonly taken to
// hold from about n = 30 on, and at n = 30 a coefficient in the range published for situational
// judgement tests (.46-.68) already has a 95 % interval about ±.25 wide. A precise estimate
// needs far more: Charter (1999, J. Clin. Exp. Neuropsychology 21:559-566) recommends at least
// 400. docs/hr-reports.md explains this to HR.
inline constexpr int kMinTrustworthySample = 30;

// The confidence level of every interval.
inline constexpr double kConfidenceLevel = 0.95;

}  // namespace rapport
