// How an attempt was played, in HR's words: its mode, and the trainee's timing adjustment when
// there was one ("exam · extended time ×2"), so two scores are not compared as if the conditions
// were the same.
#pragma once

#include <string>

#include "core/play/attempt_mode.hpp"
#include "core/play/timing.hpp"

namespace rapport::app {

std::string attemptConditions(AttemptMode mode, Timing timing);

}  // namespace rapport::app
