"""Words on screen for metrics (each key: Vietnamese as the Department writes it, and English)."""

TEXT: dict[str, dict[str, str]] = {
    # whole sentences of hue57.metrics.explain; {status} is the status name (status.<status>)
    "metrics.explain.met": {
        "vi": "Đã đạt: {latest} ({year}) so với mục tiêu {target}",
        "en": "Met: {latest} ({year}) against a target of {target}",
    },
    "metrics.explain.met_band": {
        "vi": "Đã đạt: {latest} ({year}), nằm trong khoảng mục tiêu {target}",
        "en": "Met: {latest} ({year}), inside the target range {target}",
    },
    "metrics.explain.met_in_band": {
        "vi": "Đã đạt: {latest} ({year}), nằm trong khoảng mục tiêu",
        "en": "Met: {latest} ({year}), inside the target range",
    },
    "metrics.explain.pace": {
        "vi": "{observed}, cần {required} để đạt {target} năm {horizon} → {status}",
        "en": "{observed}; {required} is needed to reach {target} by {horizon} → {status}",
    },
    "metrics.explain.rank_pace": {
        "vi": "Hạng {latest} ({year}), cần lên {target} năm {horizon} ({required}); đang {observed} → {status}",
        "en": "Rank {latest} ({year}); reaching {target} by {horizon} needs {required}; now {observed} → {status}",
    },
    "metrics.explain.rank_now": {
        "vi": "Hạng {latest} ({year}), đang {observed}",
        "en": "Rank {latest} ({year}), {observed}",
    },
    "metrics.explain.away": {
        "vi": "{observed}, xa dần mục tiêu {target} → {status}",
        "en": "{observed}, moving away from the target of {target} → {status}",
    },
    "metrics.explain.short": {
        "vi": "{observed}, chưa đạt mục tiêu {target} năm {horizon} → {status}",
        "en": "{observed}, short of the {horizon} target of {target} → {status}",
    },
    "metrics.explain.missed": {
        "vi": "Năm {year} đạt {latest}; mục tiêu năm {horizon} là {target} → {status}",
        "en": "{latest} in {year}; the {horizon} target was {target} → {status}",
    },
    "metrics.explain.on_threshold": {
        "vi": "{latest} ({year}) đúng bằng ngưỡng, nhưng chỉ tiêu yêu cầu {target}",
        "en": "{latest} ({year}) sits on the threshold, but the target is to {target}",
    },
    "metrics.explain.forecast_reached": {
        "vi": "Dự báo năm {horizon}: {projected} (mục tiêu {target}); theo tốc độ này đạt mục tiêu vào năm {reached}",
        "en": "Forecast for {horizon}: {projected} (target {target}); at this pace the target is reached in {reached}",
    },
    "metrics.explain.forecast_never": {
        "vi": "Dự báo năm {horizon}: {projected} (mục tiêu {target}); theo tốc độ này không đạt mục tiêu trước năm 2100",
        "en": "Forecast for {horizon}: {projected} (target {target}); at this pace the target is not reached before 2100",
    },
    "metrics.explain.basis_changed": {
        "vi": "{latest} ({year}) xếp hạng trên tổng số khác (hoặc không nêu) so với các năm trước, nên chưa so sánh được tốc độ → {status}",
        "en": "{latest} ({year}) ranks among a different (or unstated) number than earlier years, so no pace can be compared → {status}",
    },
    "metrics.explain.out_of_range": {
        "vi": "Các giá trị {base} và {latest} ({year}) chênh lệch quá lớn để tính tốc độ; hãy kiểm tra đơn vị → {status}",
        "en": "The values {base} and {latest} ({year}) are too far apart to compute a pace; check the unit → {status}",
    },
    "metrics.must_exceed": {"vi": "vượt {value}", "en": "exceed {value}"},
    "metrics.must_stay_below": {"vi": "thấp hơn {value}", "en": "stay below {value}"},
    "metrics.rank_band": {"vi": "nhóm {band}", "en": "band {band}"},
    "metrics.rank_of": {"vi": "{n}/{basis}", "en": "{n}/{basis}"},
    "metrics.explain.one_value": {
        "vi": "Mới có một giá trị: {latest} ({year}); cần số liệu thêm ít nhất một năm để tính tốc độ → {status}",
        "en": "Only one value so far: {latest} ({year}); another year is needed to measure the pace → {status}",
    },
    "metrics.explain.no_reference": {
        "vi": "Đã có {latest} ({year}) nhưng chưa có số liệu năm {ref} để tính mục tiêu → {status}",
        "en": "Latest {latest} ({year}), but the {ref} value the target is measured against is missing → {status}",
    },
    "metrics.explain.no_target": {
        "vi": "Đã có {latest} ({year}) nhưng chưa xác định được giá trị mục tiêu → {status}",
        "en": "Latest {latest} ({year}), but the target value is not known yet → {status}",
    },
    "metrics.explain.no_data": {
        "vi": "Chưa có số liệu thực hiện → {status}",
        "en": "No actual value reported yet → {status}",
    },
    "metrics.explain.qualitative": {
        "vi": "Đánh giá của chuyên viên ({year}): {status}",
        "en": "Analyst's assessment ({year}): {status}",
    },
    "metrics.explain.qualitative_none": {
        "vi": "Chưa có đánh giá của chuyên viên → {status}",
        "en": "No analyst assessment yet → {status}",
    },
    # pieces of those sentences
    "metrics.observed.up": {"vi": "Tăng bình quân {rate}/năm", "en": "Growing {rate} a year"},
    "metrics.observed.down": {"vi": "Giảm bình quân {rate}/năm", "en": "Falling {rate} a year"},
    "metrics.observed.flat": {"vi": "Không thay đổi", "en": "Not changing"},
    "metrics.required.up": {"vi": "{rate}/năm", "en": "{rate} a year"},
    "metrics.required.down": {"vi": "giảm {rate}/năm", "en": "a fall of {rate} a year"},
    "metrics.rank.up": {"vi": "lên {n} bậc/năm", "en": ("climbing {n} place a year", "climbing {n} places a year")},
    "metrics.rank.down": {"vi": "tụt {n} bậc/năm", "en": ("slipping {n} place a year", "slipping {n} places a year")},
    "metrics.rank.flat": {"vi": "giữ nguyên thứ hạng", "en": "holding its place"},
    "metrics.rank.target": {"vi": "hạng {n}", "en": "rank {n}"},
    "metrics.rank.target_strict": {"vi": "vị trí cao hơn hạng {n}", "en": "a place above rank {n}"},
    "metrics.rank.top": {"vi": "top {n}", "en": "top {n}"},
    "metrics.percentage_points": {"vi": "{n} điểm %", "en": ("{n} point", "{n} points")},
    "metrics.band": {"vi": "{lo}–{hi}", "en": "{lo}–{hi}"},
}
