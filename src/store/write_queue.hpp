// Runs store writes one at a time, in the order they were pushed, on a thread of its own, so the
// thread that pushes them (the app's UI) never waits for the disk. A write that throws is
// reported through takeFailures() rather than retried; the writes after it still run. Whoever
// pushes writes owns what they touch: while writes are pending, nothing else may use the same
// database connection (drain() first).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rapport::store {

class WriteQueue {
public:
    struct Failure {
        std::string label;    // the label the write was pushed with
        std::string message;  // what() of the exception it threw
    };

    WriteQueue() = default;
    // Runs every write still pending, then stops the thread.
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    // Queues `write` after every write pushed before it; returns at once. Safe from any thread.
    void push(std::string label, std::function<void()> write);

    // Writes pushed and not yet finished (queued or running).
    std::size_t pending() const;
    bool idle() const { return pending() == 0; }

    // Blocks until every write pushed so far has finished (run or failed).
    void drain();

    // Failures of finished writes since the last call, oldest first. A write's failure is
    // recorded before it stops counting as pending, so after idle() returned true every failure
    // so far is here.
    std::vector<Failure> takeFailures();

private:
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;     // a write was pushed, or stopping
    std::condition_variable settled_;  // pending_ went down
    std::deque<std::pair<std::string, std::function<void()>>> queue_;
    std::vector<Failure> failures_;
    std::size_t pending_ = 0;
    bool stopping_ = false;
    std::thread thread_;  // started by the first push: a queue never used costs no thread
};

}  // namespace rapport::store
