// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/endpoint_states.h"

#include "types/packet_view.h"
#include "util/seq.h"

#include <limits>

namespace seqscope {

const char* to_string(TcpState s) {
    switch (s) {
    case TcpState::Unknown: return "unknown";
    case TcpState::Closed: return "CLOSED";
    case TcpState::Listen: return "LISTEN";
    case TcpState::SynSent: return "SYN_SENT";
    case TcpState::SynReceived: return "SYN_RECEIVED";
    case TcpState::Established: return "ESTABLISHED";
    case TcpState::FinWait1: return "FIN_WAIT_1";
    case TcpState::FinWait2: return "FIN_WAIT_2";
    case TcpState::CloseWait: return "CLOSE_WAIT";
    case TcpState::Closing: return "CLOSING";
    case TcpState::LastAck: return "LAST_ACK";
    case TcpState::TimeWait: return "TIME_WAIT";
    }
    return "unknown";
}

TcpState EndpointTimeline::state_after(FrameNumber frame) const {
    TcpState s = initial;
    for (const auto& t : transitions) {
        if (t.cause == TransitionCause::Timer || t.frame > frame) {
            if (t.cause != TransitionCause::Timer) break;
            continue;  // timers are placed in time, not at a frame
        }
        s = t.to;
    }
    return s;
}

TcpState EndpointTimeline::state_at(std::int64_t ts_ns) const {
    TcpState s = initial;
    for (const auto& t : transitions) {
        if (t.ts_ns > ts_ns) break;
        s = t.to;
    }
    return s;
}

namespace {

// What one endpoint has done so far, as the state machine needs it.
struct Side {
    TcpState state = TcpState::Unknown;
    bool passive = false;        // reached SYN_RECEIVED from LISTEN (RST returns it there)
    bool syn_sent = false;
    std::uint32_t syn_end = 0;   // raw sequence number just after its SYN
    bool fin_sent = false;
    std::uint32_t fin_end = 0;   // raw sequence number just after its FIN
    bool fin_received = false;
    std::int64_t time_wait_since = 0;
};

std::string frame_ref(FrameNumber f) { return "frame " + std::to_string(f.value); }

bool acks(const TcpSegmentEvent& e, bool sent, std::uint32_t end) {
    return sent && e.has(tcpflag::kAck) && seq::ge(e.ack_raw, end);
}

// Does endpoint `side` answer a SYN with a SYN-ACK before anyone sends another SYN?
bool answers_with_syn_ack(const TcpConversationEvents& conv, std::size_t from, std::uint8_t side) {
    for (std::size_t i = from + 1; i < conv.segments.size(); ++i) {
        const auto& e = conv.segments[i];
        if (e.dir == side && e.has(tcpflag::kSyn) && e.has(tcpflag::kAck)) return true;
        if (e.dir == side && e.has(tcpflag::kRst)) return false;
        if (e.dir != side && e.has(tcpflag::kSyn) && !e.has(tcpflag::kAck) && e.seq_raw != conv.segments[from].seq_raw)
            return false;  // a new SYN with another ISN: a new attempt
    }
    return false;
}

bool answers_with_rst(const TcpConversationEvents& conv, std::size_t from, std::uint8_t side) {
    for (std::size_t i = from + 1; i < conv.segments.size(); ++i) {
        const auto& e = conv.segments[i];
        if (e.dir == side) return e.has(tcpflag::kRst);
    }
    return false;
}

class Machine {
public:
    Machine(const TcpConversationEvents& conv, const StateOptions& opt) : conv_(conv), opt_(opt) {}

    std::array<EndpointTimeline, 2> run() {
        infer_initial_states();
        for (std::size_t i = 0; i < conv_.segments.size(); ++i) {
            const auto& e = conv_.segments[i];
            expire_time_wait(e.ts_ns);
            on_sent(e, i);
            on_received(e, i);
        }
        // TIME_WAIT ends by the timer even if the capture stopped before.
        expire_time_wait(std::numeric_limits<std::int64_t>::max());
        return out_;
    }

private:
    void infer_initial_states() {
        if (conv_.segments.empty()) return;
        const auto& first = conv_.segments.front();
        const std::uint8_t s = first.dir, r = static_cast<std::uint8_t>(1 - first.dir);
        if (first.has(tcpflag::kSyn) && !first.has(tcpflag::kAck)) {
            set_initial(s, TcpState::Closed, "opens the connection (sends the first SYN)");
            if (answers_with_syn_ack(conv_, 0, r))
                set_initial(r, TcpState::Listen, "answers the SYN with SYN, ACK, so it was listening");
            else if (answers_with_rst(conv_, 0, r))
                set_initial(r, TcpState::Closed, "answers the SYN with RST: nothing was listening");
            else
                set_initial(r, TcpState::Unknown, "never answers the SYN in this capture");
        } else if (first.has(tcpflag::kSyn)) {
            set_initial(s, TcpState::Unknown, "the capture starts at its SYN, ACK (its SYN_RECEIVED state follows)");
            set_initial(r, TcpState::SynSent, "receives a SYN, ACK, so it had sent a SYN before the capture started");
        } else {
            set_initial(s, TcpState::Unknown, "the capture starts mid-connection");
            set_initial(r, TcpState::Unknown, "the capture starts mid-connection");
        }
    }

    void set_initial(std::uint8_t side, TcpState st, std::string why) {
        out_[side].initial = st;
        out_[side].initial_reason = std::move(why);
        sides_[side].state = st;
    }

    void move(std::uint8_t side, TcpState to, const TcpSegmentEvent& e, TransitionCause cause, std::string reason) {
        Side& sd = sides_[side];
        if (sd.state == to) return;
        out_[side].transitions.push_back({sd.state, to, e.frame, e.ts_ns, cause, std::move(reason)});
        sd.state = to;
        if (to == TcpState::TimeWait) sd.time_wait_since = e.ts_ns;
    }

    // Takes back the last transition of `side` if it was a receive into `state`: the
    // capture saw two crossing segments in one order, the endpoints in the other.
    bool undo_last_receive(std::uint8_t side, TcpState state) {
        auto& tr = out_[side].transitions;
        if (tr.empty() || tr.back().to != state || tr.back().cause != TransitionCause::Received) return false;
        sides_[side].state = tr.back().from;
        tr.pop_back();
        return true;
    }

    void expire_time_wait(std::int64_t now) {
        for (std::uint8_t side = 0; side < 2; ++side) {
            Side& sd = sides_[side];
            if (sd.state != TcpState::TimeWait) continue;
            const std::int64_t end = sd.time_wait_since + 2 * opt_.msl_ns;
            if (now < end) continue;
            out_[side].transitions.push_back(
                {TcpState::TimeWait, TcpState::Closed, FrameNumber{0}, end, TransitionCause::Timer,
                 "2·MSL timer expired (" + std::to_string(2 * opt_.msl_ns / 1'000'000'000) + " s after TIME_WAIT began)"});
            sd.state = TcpState::Closed;
        }
    }

    void on_sent(const TcpSegmentEvent& e, std::size_t index) {
        const std::uint8_t s = e.dir;
        Side& sd = sides_[s];
        const std::string ref = frame_ref(e.frame);
        if (e.has(tcpflag::kRst)) {
            if (sd.state != TcpState::Closed && sd.state != TcpState::Listen)
                move(s, TcpState::Closed, e, TransitionCause::Sent, "sent RST (" + ref + "): connection aborted");
            return;
        }
        if (e.has(tcpflag::kSyn)) {
            const bool new_attempt = !sd.syn_sent || e.seq_raw + 1 != sd.syn_end;
            sd.syn_sent = true;
            sd.syn_end = e.seq_raw + 1;
            if (!e.has(tcpflag::kAck) && sd.state == TcpState::SynReceived && sd.passive && undo_last_receive(s, TcpState::SynReceived)) {
                // Its bare SYN acknowledges nothing, so it was sent before the peer's SYN
                // arrived: the SYNs crossed (simultaneous open), seen in one order here.
                if (out_[s].transitions.empty()) {
                    out_[s].initial = TcpState::Closed;
                    out_[s].initial_reason = "opens its side too: simultaneous open";
                    sd.state = TcpState::Closed;
                }
                sd.passive = false;
                move(s, TcpState::SynSent, e, TransitionCause::Sent, "sent SYN (" + ref + "): active open");
                move(s, TcpState::SynReceived, e, TransitionCause::Received,
                     "the peer's SYN crossed its own: simultaneous open");
            } else if (!e.has(tcpflag::kAck)) {
                if (sd.state == TcpState::TimeWait || sd.state == TcpState::Closed || sd.state == TcpState::Unknown ||
                    sd.state == TcpState::Listen || (new_attempt && sd.state != TcpState::SynSent)) {
                    reset_for_new_connection(s);
                    move(s, TcpState::SynSent, e, TransitionCause::Sent, "sent SYN (" + ref + "): active open");
                }
            } else if (sd.state == TcpState::Unknown || sd.state == TcpState::Listen) {
                move(s, TcpState::SynReceived, e, TransitionCause::Sent, "sent SYN, ACK (" + ref + ")");
            }
            (void)index;
        }
        if (e.has(tcpflag::kFin)) {
            const std::uint32_t end = e.seq_raw + e.seglen + (e.has(tcpflag::kSyn) ? 1u : 0u) + 1u;
            const bool repeat = sd.fin_sent && sd.fin_end == end;
            sd.fin_sent = true;
            sd.fin_end = end;
            if (repeat) return;  // a retransmitted FIN changes nothing
            switch (sd.state) {
            case TcpState::Established:
            case TcpState::SynReceived:
            case TcpState::Unknown:
                move(s, TcpState::FinWait1, e, TransitionCause::Sent, "sent FIN (" + ref + "): active close");
                break;
            case TcpState::CloseWait: {
                const Side& peer = sides_[1 - s];
                if (e.has(tcpflag::kAck) && peer.fin_sent && !seq::ge(e.ack_raw, peer.fin_end) &&
                    undo_last_receive(s, TcpState::CloseWait)) {
                    // This FIN does not acknowledge the peer's: it was sent before that FIN
                    // arrived. The FINs crossed: simultaneous close.
                    move(s, TcpState::FinWait1, e, TransitionCause::Sent, "sent FIN (" + ref + "): active close");
                    move(s, TcpState::Closing, e, TransitionCause::Received,
                         "the peer's FIN crossed its own: simultaneous close");
                } else {
                    move(s, TcpState::LastAck, e, TransitionCause::Sent, "sent FIN (" + ref + ") after the peer's FIN");
                }
                break;
            }
            default: break;
            }
        }
    }

    void reset_for_new_connection(std::uint8_t side) {
        Side& sd = sides_[side];
        sd.fin_sent = false;
        sd.fin_received = false;
        sd.passive = false;
        Side& peer = sides_[1 - side];
        peer.fin_sent = false;
        peer.fin_received = false;
    }

    void on_received(const TcpSegmentEvent& e, std::size_t index) {
        const std::uint8_t r = static_cast<std::uint8_t>(1 - e.dir);
        Side& rd = sides_[r];
        const std::string ref = frame_ref(e.frame);
        if (e.has(tcpflag::kRst)) {
            if (rd.state == TcpState::Listen || rd.state == TcpState::Closed) return;
            if (rd.state == TcpState::SynReceived && rd.passive)
                move(r, TcpState::Listen, e, TransitionCause::Received, "received RST (" + ref + "): back to LISTEN");
            else if (rd.state == TcpState::SynSent)
                move(r, TcpState::Closed, e, TransitionCause::Received, "received RST (" + ref + "): connection refused");
            else
                move(r, TcpState::Closed, e, TransitionCause::Received, "received RST (" + ref + "): connection reset");
            return;
        }
        if (e.has(tcpflag::kSyn) && !e.has(tcpflag::kAck)) {
            const bool will_answer = answers_with_syn_ack(conv_, index, r);
            if (rd.state == TcpState::SynSent) {
                move(r, TcpState::SynReceived, e, TransitionCause::Received,
                     "received SYN (" + ref + ") while in SYN_SENT: simultaneous open");
            } else if (will_answer && rd.state != TcpState::SynReceived) {
                if (rd.state == TcpState::TimeWait || rd.state == TcpState::Closed) {
                    // A new SYN meeting TIME_WAIT: the port is reused for a new connection.
                    reset_for_new_connection(r);
                }
                rd.passive = true;
                move(r, TcpState::SynReceived, e, TransitionCause::Received, "received SYN (" + ref + "): passive open");
            }
            return;
        }
        // The ACK part first: it may complete a handshake or acknowledge our FIN.
        const bool fin_acked = acks(e, rd.fin_sent, rd.fin_end);
        if (e.has(tcpflag::kSyn) && e.has(tcpflag::kAck)) {
            if ((rd.state == TcpState::SynSent || rd.state == TcpState::SynReceived || rd.state == TcpState::Unknown) &&
                (acks(e, rd.syn_sent, rd.syn_end) || !rd.syn_sent))
                move(r, TcpState::Established, e, TransitionCause::Received,
                     "received SYN, ACK (" + ref + ") acknowledging its SYN");
        } else if (e.has(tcpflag::kAck)) {
            switch (rd.state) {
            case TcpState::SynReceived:
                if (acks(e, rd.syn_sent, rd.syn_end))
                    move(r, TcpState::Established, e, TransitionCause::Received,
                         "received ACK (" + ref + ") of its SYN, ACK: handshake complete");
                break;
            case TcpState::FinWait1:
                if (fin_acked && !e.has(tcpflag::kFin))
                    move(r, TcpState::FinWait2, e, TransitionCause::Received, "received ACK of its FIN (" + ref + ")");
                break;
            case TcpState::Closing:
                if (fin_acked)
                    move(r, TcpState::TimeWait, e, TransitionCause::Received, "received ACK of its FIN (" + ref + ")");
                break;
            case TcpState::LastAck:
                if (fin_acked)
                    move(r, TcpState::Closed, e, TransitionCause::Received,
                         "received ACK of its FIN (" + ref + "): connection closed");
                break;
            default: break;
            }
        }
        if (e.has(tcpflag::kFin)) {
            if (rd.fin_received) return;  // retransmitted FIN
            rd.fin_received = true;
            switch (rd.state) {
            case TcpState::Established:
            case TcpState::SynReceived:
            case TcpState::Unknown:
                move(r, TcpState::CloseWait, e, TransitionCause::Received, "received FIN (" + ref + "): passive close");
                break;
            case TcpState::FinWait1:
                if (fin_acked)
                    move(r, TcpState::TimeWait, e, TransitionCause::Received,
                         "received FIN, ACK (" + ref + ") acknowledging its FIN");
                else
                    move(r, TcpState::Closing, e, TransitionCause::Received,
                         "received FIN (" + ref + ") before the ACK of its own: simultaneous close");
                break;
            case TcpState::FinWait2:
                move(r, TcpState::TimeWait, e, TransitionCause::Received, "received FIN (" + ref + ")");
                break;
            default: break;
            }
        }
    }

    const TcpConversationEvents& conv_;
    const StateOptions& opt_;
    std::array<Side, 2> sides_{};
    std::array<EndpointTimeline, 2> out_{};
};

}  // namespace

std::array<EndpointTimeline, 2> infer_endpoint_states(const TcpConversationEvents& conv, const StateOptions& options) {
    return Machine(conv, options).run();
}

}  // namespace seqscope
