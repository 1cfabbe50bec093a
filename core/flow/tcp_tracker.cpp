// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/tcp_tracker.h"

#include "flow/tcp_flow_state.h"
#include "flow/tcp_frame_records.h"
#include "flow/tcp_seq_analysis.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace seqscope {

namespace {

constexpr std::uint32_t kMinTrackedHeader = 16;  // tshark reads this much before the lookup
constexpr std::int8_t kMaxWinShift = 14;

namespace compl_bits {
constexpr std::uint8_t kSyn = 1, kSynAck = 2, kAck = 4, kData = 8, kFin = 16, kRst = 32;
}

bool is(std::uint16_t flags, std::uint16_t mask, std::uint16_t want) { return (flags & mask) == want; }

// §5: the completeness bits a packet adds to its conversation.
std::uint8_t completeness_bits(std::uint16_t flags, std::uint32_t seglen, bool new_conversation) {
    using namespace tcpflag;
    std::uint8_t bits = 0;
    if (new_conversation) {
        if (is(flags, kSyn | kAck, kSyn)) bits = compl_bits::kSyn | (seglen > 0 ? compl_bits::kData : 0);
        return bits;
    }
    if (is(flags, kSyn | kAck, kSyn | kAck)) bits |= compl_bits::kSynAck;
    if (is(flags, kSyn | kAck, kAck)) bits |= seglen > 0 ? compl_bits::kData : compl_bits::kAck;
    if (is(flags, kFin | kAck, kFin | kAck)) bits |= compl_bits::kFin;
    if (flags & kRst) bits |= compl_bits::kRst;
    return bits;
}

}  // namespace

struct TcpTracker::Impl {
    std::deque<TcpConversationState> conversations;  // by stream index; never moves
    std::unordered_map<TcpFlowKey, std::uint32_t, TcpFlowKeyHash> latest;  // 4-tuple -> newest stream
    TcpFrameRecords records;

    TcpConversationState& create(const TcpFlowKey& key, FrameNumber frame, int sender_flow) {
        const auto stream = static_cast<std::uint32_t>(conversations.size());
        TcpConversationState& c = conversations.emplace_back();
        c.key = key;
        c.stream = TcpStreamId{stream};
        c.first_frame = frame;
        c.first_sender_flow = sender_flow;
        latest[key] = stream;
        return c;
    }

    std::int64_t shown_irtt(const TcpConversationState& c, FrameNumber frame, bool has_ta) const {
        return has_ta && c.irtt_ns != 0 && c.irtt_frame <= frame ? c.irtt_ns : -1;
    }

    TcpAnalysis track(FrameNumber frame, std::int64_t now, const TcpSegmentView& seg);
    void after_header(TcpConversationState& c, TcpFlowState& fwd, TcpFlowState& rev, FrameNumber frame,
                      std::int64_t now, const TcpSegmentView& seg, bool new_conversation);
};

TcpAnalysis TcpTracker::Impl::track(FrameNumber frame, std::int64_t now, const TcpSegmentView& seg) {
    TcpAnalysis out;
    if (seg.captured_tcp_bytes < kMinTrackedHeader) return out;
    using namespace tcpflag;
    const TcpFlowKey key = TcpFlowKey::of(seg);
    const int dir = TcpFlowKey::direction(seg);
    const bool pure_syn = is(seg.flags, kSyn | kAck, kSyn);
    const bool syn_ack = is(seg.flags, kSyn | kAck, kSyn | kAck);

    // §2: the most recent conversation of this 4-tuple, or a new one.
    bool new_conversation = false;
    TcpConversationState* c = nullptr;
    if (auto it = latest.find(key); it != latest.end()) c = &conversations[it->second];
    else {
        c = &create(key, frame, dir);
        new_conversation = true;
    }
    // Port reuse and repeated SYNs (first pass only, whatever the segment length).
    if (pure_syn && c->flows[static_cast<std::size_t>(dir)].base_set) {
        TcpFlowState& fwd = c->flows[static_cast<std::size_t>(dir)];
        if (seg.seq != fwd.base_seq) {
            c = &create(key, frame, dir);
            new_conversation = true;
            c->completeness = compl_bits::kSyn;
            out.has_ta = true;
            out.flags |= tcpa::kReusedPorts;
        } else {
            fwd.nextseq = fwd.maxseqtobeacked;
            out.has_ta = true;
        }
    } else if (syn_ack && c->flows[static_cast<std::size_t>(dir)].base_set &&
               seg.seq != c->flows[static_cast<std::size_t>(dir)].base_seq) {
        c->flows[static_cast<std::size_t>(dir)].base_seq = seg.seq;  // rebase, same stream
        out.has_ta = true;
        out.flags |= tcpa::kReusedPorts;
    }
    TcpFlowState& fwd = c->flows[static_cast<std::size_t>(dir)];
    TcpFlowState& rev = c->flows[static_cast<std::size_t>(1 - dir)];
    c->last_frame = frame;
    ++c->packets;

    out.stream = c->stream;
    out.has_stream = true;
    out.completeness = c->completeness;  // shown before this packet's update
    out.win_shift = fwd.win_scale;
    out.rel_seq = seg.seq;
    out.ack_shown = seg.ack;

    const bool analysed = seg.seglen_known && !seg.quoted;
    if (analysed) {
        // §3: base sequence numbers, this direction first.
        if (!fwd.base_set) {
            fwd.base_seq = (seg.flags & kSyn) ? seg.seq : seg.seq - 1;
            fwd.base_set = true;
        }
        if ((seg.flags & kAck) && !rev.base_set) {
            rev.base_seq = seg.ack - 1;
            rev.base_set = true;
        }
        TcpSegmentInput in;
        in.frame = frame.value;
        in.now_ns = now;
        in.seq = seg.seq;
        in.ack = seg.ack;
        in.seglen = seg.seglen;
        in.flags = seg.flags;
        in.window = seg.window;
        analyze_tcp_sequence(fwd, rev, c->irtt_ns, in, out);
        out.rel_seq = seg.seq - fwd.base_seq;
        if (seg.flags & kAck) out.ack_shown = seg.ack - rev.base_seq;
    } else {
        // No `ta` without analysis, whatever the stream lookup noted.
        out.has_ta = false;
        out.flags = 0;
    }
    after_header(*c, fwd, rev, frame, now, seg, new_conversation);
    out.initial_rtt_ns = shown_irtt(*c, frame, out.has_ta);
    if (seg.quoted) records.add_quoted(frame, out);
    else records.add(frame, out);
    return out;
}

// §1 steps 6-11: completeness, SYN bookkeeping and iRTT, the options' effects, and
// the window-scaling check after a SYN.
void TcpTracker::Impl::after_header(TcpConversationState& c, TcpFlowState& fwd, TcpFlowState& rev, FrameNumber frame,
                                    std::int64_t now, const TcpSegmentView& seg, bool new_conversation) {
    using namespace tcpflag;
    const int dir = TcpFlowKey::direction(seg);
    const std::uint32_t seglen = seg.seglen_known ? seg.seglen : 0;
    c.completeness |= completeness_bits(seg.flags, seglen, new_conversation);

    if (seg.flags & kSyn) {
        if (!(seg.flags & kAck)) {
            c.mru_syn_ns = now;
            if (c.client_flow < 0) c.client_flow = dir;
        } else if (c.client_flow < 0) {
            c.client_flow = 1 - dir;
        }
        fwd.is_first_ack = true;
    }
    if (c.irtt_ns == 0 && c.mru_syn_ns != 0 && is(seg.flags, kSyn | kAck, kAck)) {
        c.irtt_ns = now - c.mru_syn_ns;  // stays unknown (0) if it comes out as 0
        c.irtt_frame = frame;
    }
    if (is(seg.flags, kSyn | kAck, kAck)) fwd.is_first_ack = false;

    // Options: the window scale (any packet) and the SACK blocks for bytes in flight.
    if (seg.wscale_shift) fwd.win_scale = static_cast<std::int8_t>(std::min<int>(*seg.wscale_shift, kMaxWinShift));
    fwd.sack_count = static_cast<std::uint8_t>(std::min<std::size_t>(seg.sack_count, fwd.sack.size()));
    for (std::size_t i = 0; i < fwd.sack_count; ++i) fwd.sack[i] = seg.sack[i];

    if (seg.flags & kSyn) {
        if (fwd.win_scale == -1) {
            fwd.win_scale = -2;
            rev.win_scale = -2;
        } else if ((seg.flags & kAck) && rev.win_scale == -2) {
            fwd.win_scale = -2;
        }
    }
}

TcpTracker::TcpTracker() : impl_(std::make_unique<Impl>()) {}
TcpTracker::~TcpTracker() = default;

TcpAnalysis TcpTracker::track(FrameNumber frame, std::int64_t ts_ns, const TcpSegmentView& seg) {
    return impl_->track(frame, ts_ns, seg);
}

TcpAnalysis TcpTracker::replay(FrameNumber frame, const TcpSegmentView& seg) const {
    if (seg.captured_tcp_bytes < kMinTrackedHeader) return {};
    auto a = seg.quoted ? impl_->records.get_quoted(frame) : impl_->records.get(frame);
    if (!a) return {};
    if (a->stream.value < impl_->conversations.size())
        a->initial_rtt_ns = impl_->shown_irtt(impl_->conversations[a->stream.value], frame, a->has_ta);
    return *a;
}

std::size_t TcpTracker::stream_count() const { return impl_->conversations.size(); }

std::optional<TcpConversationInfo> TcpTracker::conversation(TcpStreamId stream) const {
    if (stream.value >= impl_->conversations.size()) return std::nullopt;
    const TcpConversationState& c = impl_->conversations[stream.value];
    TcpConversationInfo info;
    info.stream = c.stream;
    const bool a_first = c.first_sender_flow == 0;
    info.a = a_first ? c.key.a : c.key.b;
    info.b = a_first ? c.key.b : c.key.a;
    info.port_a = a_first ? c.key.port_a : c.key.port_b;
    info.port_b = a_first ? c.key.port_b : c.key.port_a;
    info.client_known = c.client_flow >= 0;
    const int client = info.client_known ? c.client_flow : c.first_sender_flow;
    info.client = client == 0 ? c.key.a : c.key.b;
    info.server = client == 0 ? c.key.b : c.key.a;
    info.client_port = client == 0 ? c.key.port_a : c.key.port_b;
    info.server_port = client == 0 ? c.key.port_b : c.key.port_a;
    info.first_frame = c.first_frame;
    info.last_frame = c.last_frame;
    info.packets = c.packets;
    info.completeness = c.completeness;
    info.initial_rtt_ns = c.irtt_ns != 0 ? c.irtt_ns : -1;
    info.initial_rtt_frame = c.irtt_frame;
    const TcpFlowState& cf = c.flows[static_cast<std::size_t>(client)];
    const TcpFlowState& sf = c.flows[static_cast<std::size_t>(1 - client)];
    info.client_base_seq = cf.base_seq;
    info.client_base_known = cf.base_set;
    info.server_base_seq = sf.base_seq;
    info.server_base_known = sf.base_set;
    info.client_win_shift = cf.win_scale;
    info.server_win_shift = sf.win_scale;
    return info;
}

std::size_t TcpTracker::memory_bytes() const {
    std::size_t conv = 0;
    for (const TcpConversationState& c : impl_->conversations) {
        conv += sizeof(TcpConversationState);
        for (const TcpFlowState& f : c.flows) conv += f.unacked.capacity() * sizeof(TcpUnacked);
    }
    conv += impl_->latest.size() * (sizeof(TcpFlowKey) + sizeof(std::uint32_t) + 2 * sizeof(void*));
    return conv + impl_->records.memory_bytes();
}

}  // namespace seqscope
