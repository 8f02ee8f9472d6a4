/**
 * 0009-plan-periods: the district's Five-Year plan periods as data. Each plan period (十四五, 十五五, …) lists the indicators it
 * is reported with and the plan's targets; the team edits them in 设置 when a plan is published. Seeded with the
 * 十四五 plan as the app has reported it since v4 (乌达区“十四五”残疾人事业发展规划: 专栏1 No. 11 ≥362 户, 约束性;
 * 政府门户网站全面达到无障碍网站设计标准) and the 十五五 plan (2026–2030) with the same indicators and no targets:
 * it was not published when this was written, so its targets read 待发布 until the team enters them.
 * Yearly figures (indicator_entries) stay keyed by indicator and year, whichever plan reports them.
 */
export const sql = `
CREATE TABLE plan_periods (
  id         INTEGER PRIMARY KEY,
  short_name TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  start_year INTEGER NOT NULL,
  end_year   INTEGER NOT NULL,
  published  INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  CHECK (end_year >= start_year)
) STRICT;

CREATE TABLE plan_indicators (
  plan_id      INTEGER NOT NULL REFERENCES plan_periods (id) ON DELETE CASCADE,
  indicator_id TEXT NOT NULL,
  position     INTEGER NOT NULL,
  target_text  TEXT,
  target_value INTEGER CHECK (target_value IS NULL OR target_value >= 0),
  basis        TEXT,
  -- An indicator the team added (recorded yearly) has its own name, unit and definition; NULL for built-in ones.
  title        TEXT,
  unit         TEXT,
  definition   TEXT,
  PRIMARY KEY (plan_id, indicator_id)
) STRICT;

INSERT INTO plan_periods (id, short_name, name, start_year, end_year, published, updated_at) VALUES
  (1, '十四五', '乌达区“十四五”残疾人事业发展规划', 2021, 2025, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (2, '十五五', '乌达区“十五五”残疾人事业发展规划', 2026, 2030, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO plan_indicators (plan_id, indicator_id, position, target_text, target_value, basis) VALUES
  (1, 'home-modifications', 1, '≥362', 362, '专栏1 主要指标第11项（约束性）；专栏6 第3项'),
  (1, 'public-facilities-rectified', 2, NULL, NULL, '四（五）3 加强无障碍环境建设；专栏6 第2项'),
  (1, 'items-verified', 3, NULL, NULL, NULL),
  (1, 'portals-passing', 4, '全部达标', NULL, '四（五）4 政府门户网站全面达到无障碍网站设计标准'),
  (1, 'audible-signals-rectified', 5, NULL, NULL, '四（五）4；专栏6 第1项 过街音响提示装置'),
  (2, 'home-modifications', 1, NULL, NULL, NULL),
  (2, 'public-facilities-rectified', 2, NULL, NULL, NULL),
  (2, 'items-verified', 3, NULL, NULL, NULL),
  (2, 'portals-passing', 4, NULL, NULL, NULL),
  (2, 'audible-signals-rectified', 5, NULL, NULL, NULL);
`
