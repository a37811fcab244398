#include "store/write_queue.hpp"

#include <exception>

namespace rapport::store {

WriteQueue::~WriteQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void WriteQueue::push(std::string label, std::function<void()> write) {
    {
        std::lock_guard lock(mutex_);
        queue_.emplace_back(std::move(label), std::move(write));
        ++pending_;
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

std::size_t WriteQueue::pending() const {
    std::lock_guard lock(mutex_);
    return pending_;
}

void WriteQueue::drain() {
    std::unique_lock lock(mutex_);
    settled_.wait(lock, [this] { return pending_ == 0; });
}

std::vector<WriteQueue::Failure> WriteQueue::takeFailures() {
    std::lock_guard lock(mutex_);
    std::vector<Failure> out;
    out.swap(failures_);
    return out;
}

void WriteQueue::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        // Stopping still empties the queue first: a write pushed is a write made.
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        auto [label, write] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        std::string error;
        bool failed = false;
        try {
            write();
        } catch (const std::exception& e) {
            failed = true;
            error = e.what();
        } catch (...) {
            failed = true;
            error = "unknown error";
        }
        write = nullptr;  // release what the write held (a recorder, a session) outside the lock
        lock.lock();
        if (failed) failures_.push_back({std::move(label), std::move(error)});
        --pending_;
        settled_.notify_all();
    }
}

}  // namespace rapport::store
