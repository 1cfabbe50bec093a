// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/file_loader.h"

#include "session/capture_session.h"

#include <QFile>
#include <QLoggingCategory>

namespace seqscope::ui {

// QT_LOGGING_RULES="seqscope.loader.debug=true" prints what each load did.
Q_LOGGING_CATEGORY(lcLoader, "seqscope.loader", QtWarningMsg)

FileLoader::FileLoader(QObject* parent) : QObject(parent) {
    timer_.setInterval(33);
    connect(&timer_, &QTimer::timeout, this, &FileLoader::poll);
}

FileLoader::~FileLoader() { stopThread(); }

void FileLoader::setPollInterval(int ms) { timer_.setInterval(std::max(ms, 33)); }

double FileLoader::progress() const {
    return shared_ ? static_cast<double>(shared_->progress_permille.load(std::memory_order_relaxed)) / 1000.0 : 0.0;
}

void FileLoader::stopThread() {
    timer_.stop();
    if (thread_.joinable()) {
        // The thread checks its token between batches, so this waits one batch at most.
        thread_.request_stop();
        thread_.join();
    }
}

bool FileLoader::open(const QString& path) {
    // Check the new file first: one that cannot be opened leaves the current
    // capture (and its loading) alone.
    auto session = std::make_shared<CaptureSession>();
    std::string error;
    if (!session->open_file(QFile::encodeName(path).toStdString(), error)) {
        Q_EMIT failed(QString::fromStdString(error));
        return false;
    }
    stopThread();
    ++generation_;
    announced_ = 0;
    finished_emitted_ = false;
    canceled_ = false;
    path_ = path;
    session_ = session;
    shared_ = std::make_shared<Shared>();
    clock_.start();
    qCDebug(lcLoader) << "opening" << path << "generation" << generation_;
    Q_EMIT started(session_, generation_);

    // The thread owns copies of the shared pointers: if the loader is destroyed or
    // reopened, the old session lives until the thread has stopped touching it.
    thread_ = std::jthread([session, shared = shared_, batch = batch_size_](std::stop_token stop) {
        while (!stop.stop_requested() && !session->load_done()) {
            const std::size_t n = session->load_batch(batch);
            shared->progress_permille.store(static_cast<std::uint32_t>(session->load_progress() * 1000.0),
                                            std::memory_order_relaxed);
            if (n == 0) break;
        }
        shared->done.store(true, std::memory_order_release);
    });
    timer_.start();
    return true;
}

void FileLoader::cancel() {
    if (!thread_.joinable() || finished_emitted_) return;
    stopThread();
    canceled_ = true;
    shared_->done.store(true, std::memory_order_release);
    poll();
}

void FileLoader::poll() {
    if (!session_ || finished_emitted_) return;
    // Read `done` before the count: a count read after done=true is final.
    const bool done = shared_->done.load(std::memory_order_acquire);
    const std::size_t count = session_->packet_count();
    if (count > announced_) {
        announced_ = count;
        Q_EMIT packetsAvailable(count, generation_);
    }
    if (!done) return;
    timer_.stop();
    finished_emitted_ = true;
    QString error;
    // The thread has ended (or is about to): its reader lock is free.
    if (const auto e = session_->load_error()) error = QString::fromStdString(e->message);
    qCDebug(lcLoader) << "loaded" << announced_ << "packets in" << clock_.elapsed() << "ms"
                      << (canceled_ ? "(stopped)" : "") << error;
    Q_EMIT finished(announced_, error, generation_);
}

}  // namespace seqscope::ui
