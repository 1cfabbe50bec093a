// SPDX-License-Identifier: GPL-3.0-or-later
// Loads a capture file off the GUI thread. A plain std::jthread runs pass one
// (CaptureSession::load_batch) until the file ends or its stop token fires; the
// GUI thread polls what has been published with a QTimer (at most 30 Hz) and
// announces it, so the packet list inserts rows once per tick, never per packet.
// Every open() starts a new generation: the previous thread is stopped and its
// session dropped, and nothing it did can reach the new file's views.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class FileLoader : public QObject {
    Q_OBJECT
public:
    explicit FileLoader(QObject* parent = nullptr);
    ~FileLoader() override;

    // Starts loading `path`. Returns false (and emits failed()) if the file cannot
    // be opened as a capture; the sentence says why.
    bool open(const QString& path);
    // Stops loading; the packets published so far stay, and finished() follows.
    void cancel();
    // Whether the current file's loading was stopped by cancel().
    [[nodiscard]] bool canceled() const { return canceled_; }

    [[nodiscard]] std::shared_ptr<const CaptureSession> session() const { return session_; }
    [[nodiscard]] QString path() const { return path_; }
    [[nodiscard]] std::uint64_t generation() const { return generation_; }
    [[nodiscard]] bool loading() const { return thread_.joinable() && !finished_emitted_; }
    [[nodiscard]] std::size_t packetCount() const { return announced_; }
    [[nodiscard]] double progress() const;

    // Packets read per batch; smaller batches publish more often (tests use this).
    void setBatchSize(std::size_t n) { batch_size_ = n; }
    // Poll interval in ms; at least 33 (30 Hz).
    void setPollInterval(int ms);

Q_SIGNALS:
    // A new session exists (no packets yet); views attach to it.
    void started(std::shared_ptr<const seqscope::CaptureSession> session, std::uint64_t generation);
    // `count` packets are published in total; sent at most once per poll tick.
    void packetsAvailable(std::size_t count, std::uint64_t generation);
    // Loading ended. `error` is empty, or the damage sentence (the packets
    // before the damage were kept).
    void finished(std::size_t count, const QString& error, std::uint64_t generation);
    // The file could not be opened at all.
    void failed(const QString& error);

private:
    void poll();
    void stopThread();

    // What the loader thread publishes for the GUI thread to read without locks.
    struct Shared {
        std::atomic<bool> done{false};
        std::atomic<std::uint32_t> progress_permille{0};
    };

    std::shared_ptr<CaptureSession> session_;
    std::shared_ptr<Shared> shared_;
    std::jthread thread_;
    QTimer timer_;
    QElapsedTimer clock_;  // for the seqscope.loader log line
    QString path_;
    std::uint64_t generation_ = 0;
    std::size_t announced_ = 0;
    // Pass one holds the flow lock for a whole batch, and every row the view
    // formats (pass two) waits for it: small batches keep scrolling smooth.
    std::size_t batch_size_ = 256;
    bool finished_emitted_ = false;
    bool canceled_ = false;
};

}  // namespace seqscope::ui
