// SPDX-License-Identifier: GPL-3.0-or-later
// Builds packets and capture files in code for decoder tests (placeholder: the
// decoder work fills this in).
#pragma once
