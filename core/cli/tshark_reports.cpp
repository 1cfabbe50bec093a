// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/tshark_reports.h"

#include "analysis/collect.h"
#include "session/capture_session.h"
#include "format/conv_report.h"

#include <algorithm>

namespace seqscope {
namespace {

// The payload bytes the decoder saw, from the frame's field tree: for a datagram
// that IP reassembled from fragments they live in the reassembly, not in the
// frame, so the field (tcp.payload / udp.payload) is the one place that has
// them either way. Only frames of followed streams pay for the tree.
std::vector<std::uint8_t> payload_of(const CaptureSession& session, FrameNumber frame, std::string_view field) {
    FieldTree tree(false);
    session.dissect(frame.value - 1, &tree, nullptr);
    const auto values = tree.values(field);
    std::vector<std::uint8_t> out;
    if (values.empty()) return out;
    const std::string_view hex = values.front();  // the top-level header comes first in tree order
    auto nibble = [](char c) { return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'a' + 10); };
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
    return out;
}

bool listed(const std::vector<FrameNumber>& sorted, FrameNumber f) {
    return std::binary_search(sorted.begin(), sorted.end(), f);
}

template <typename Events>
std::vector<const Events*> selected(const std::vector<Events>& all, const FollowRequest& req) {
    std::vector<const Events*> out;
    if (req.stream) {
        if (*req.stream < all.size()) out.push_back(&all[*req.stream]);  // indexed by stream number
        return out;
    }
    for (const Events& s : all)
        if (req.matches(s.a, s.b)) out.push_back(&s);
    return out;
}

FollowResult follow_tcp(const CaptureSession& session, const CollectedConversations& c, const FollowRequest& req) {
    // By endpoints, every stream on that address/port pair is followed (tshark
    // filters on addresses and ports, so reused ports run together), in frame order.
    struct Item {
        const TcpConversationEvents* conv;
        const TcpSegmentEvent* seg;
    };
    std::vector<Item> items;
    for (const TcpConversationEvents* s : selected(c.tcp, req))
        for (const TcpSegmentEvent& e : s->segments)
            if (!listed(c.tcp_header_cut, e.frame) && !listed(c.tcp_length_unknown, e.frame)) items.push_back({s, &e});
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& x, const Item& y) { return x.seg->frame.value < y.seg->frame.value; });
    TcpFollower f;
    for (const Item& i : items) {
        const TcpSegmentEvent& e = *i.seg;
        const Endpoint& src = e.dir == 0 ? i.conv->a : i.conv->b;
        const Endpoint& dst = e.dir == 0 ? i.conv->b : i.conv->a;
        const std::vector<std::uint8_t> payload =
            e.seglen > 0 ? payload_of(session, e.frame, "tcp.payload") : std::vector<std::uint8_t>{};
        f.add(src, dst, e.flags, e.seq, e.ack, e.seglen, payload, e.frame, e.ts_ns);
    }
    return f.result();
}

FollowResult follow_udp(const CaptureSession& session, const CollectedConversations& c, const FollowRequest& req) {
    struct Item {
        const UdpStreamEvents* stream;
        const UdpDatagramEvent* d;
    };
    std::vector<Item> items;
    for (const UdpStreamEvents* s : selected(c.udp, req))
        for (const UdpDatagramEvent& d : s->datagrams) items.push_back({s, &d});
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& x, const Item& y) { return x.d->frame.value < y.d->frame.value; });
    UdpFollower f;
    for (const Item& i : items) {
        const UdpDatagramEvent& d = *i.d;
        const Endpoint& src = d.dir == 0 ? i.stream->a : i.stream->b;
        const Endpoint& dst = d.dir == 0 ? i.stream->b : i.stream->a;
        const std::vector<std::uint8_t> payload =
            d.payload_len > 0 ? payload_of(session, d.frame, "udp.payload") : std::vector<std::uint8_t>{};
        f.add(src, dst, d.payload_len, payload, d.frame, d.ts_ns);
    }
    return f.result();
}

}  // namespace

bool parse_tshark_report(const std::string& arg, TsharkReport& req, std::string& error) {
    req = TsharkReport{};
    if (arg == "conv,tcp" || arg == "conv,udp") {
        req.kind = arg == "conv,tcp" ? TsharkReport::Kind::ConvTcp : TsharkReport::Kind::ConvUdp;
        return true;
    }
    if (arg.starts_with("conv,tcp,") || arg.starts_with("conv,udp,")) {
        error = "-z " + arg + ": a display filter on the conversation table is not supported yet.";
        return false;
    }
    if (arg.starts_with("follow,")) {
        req.kind = TsharkReport::Kind::Follow;
        if (parse_follow_request(arg, req.follow, error)) return true;
        error = "follow - " + error;
        return false;
    }
    error = "Invalid -z argument \"" + arg +
            "\"; it must be one of: conv,tcp  conv,udp  follow,tcp,MODE,STREAM  follow,udp,MODE,STREAM  "
            "states,N  ladder,N[,raw]  ladder,udp,N  exchanges,udp";
    return false;
}

std::string run_tshark_reports(const CaptureSession& session, const std::vector<TsharkReport>& requests) {
    if (requests.empty()) return {};
    const CollectedConversations c = collect_conversations(session);
    const std::int64_t first_ts = session.store().first_ts_ns();
    const DigitGrouping grouping = DigitGrouping::from_environment();
    std::string out;
    // tshark draws its tap listeners newest first.
    for (auto it = requests.rbegin(); it != requests.rend(); ++it) {
        switch (it->kind) {
        case TsharkReport::Kind::ConvTcp:
            out += tcp_conversation_table(c, first_ts, c.tcp_header_cut).render("TCP", grouping);
            break;
        case TsharkReport::Kind::ConvUdp:
            out += udp_conversation_table(c, first_ts).render("UDP", grouping);
            break;
        case TsharkReport::Kind::Follow:
            out += render_follow(it->follow, it->follow.udp ? follow_udp(session, c, it->follow)
                                                             : follow_tcp(session, c, it->follow));
            break;
        }
    }
    return out;
}

}  // namespace seqscope
