// Where a finished attempt's ending and report are: not recorded, queued or being written, on
// disk (every write queued before it too), or not saved (the notice says why).
#pragma once

namespace rapport::app {

enum class SaveState { None, Saving, Saved, Failed };

}  // namespace rapport::app
