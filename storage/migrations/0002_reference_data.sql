-- Reference data that users pick from: topics of concern, regions, company sizes, industries.
-- Names live here, in both languages, so administrators can add a category without a release.
CREATE TABLE categories (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    name_ko   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO categories (id, position, name_ko, name_en) VALUES
    ('ai_copyright',   1, 'AI 학습데이터·저작권 (TDM)',     'AI training data and copyright (TDM)'),
    ('ai_basic_act',   2, 'AI 기본법 의무·과태료',           'AI Basic Act obligations and fines'),
    ('data_access',    3, '데이터 접근·표준화·연계',         'Data access, standards and connectivity'),
    ('ai_cost',        4, 'AI 도입 비용·성과',               'Cost of adopting AI and its return'),
    ('ai_skills',      5, 'AI 인력·교육',                    'AI skills, hiring and training'),
    ('computing',      6, '컴퓨팅 인프라',                   'Computing infrastructure'),
    ('funding',        7, '자금·지원사업',                   'Funding and support programmes'),
    ('kiosk_access',   8, '키오스크 접근성(배리어프리) 기준', 'Kiosk accessibility (barrier-free) standards'),
    ('land_building',  9, '농지법·건축법 등 입지 규제',       'Land-use and building rules'),
    ('labeling',      10, '제품 표시 의무 (화장품 등)',       'Product labeling (e.g. cosmetics)'),
    ('other',         11, '기타',                            'Other');

CREATE TABLE regions (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    name_ko   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);

INSERT INTO regions (id, position, name_ko, name_en) VALUES
    ('seoul', 1, '서울', 'Seoul'), ('busan', 2, '부산', 'Busan'), ('daegu', 3, '대구', 'Daegu'),
    ('incheon', 4, '인천', 'Incheon'), ('gwangju', 5, '광주', 'Gwangju'),
    ('daejeon', 6, '대전', 'Daejeon'), ('ulsan', 7, '울산', 'Ulsan'), ('sejong', 8, '세종', 'Sejong'),
    ('gyeonggi', 9, '경기', 'Gyeonggi'), ('gangwon', 10, '강원', 'Gangwon'),
    ('chungbuk', 11, '충북', 'Chungbuk'), ('chungnam', 12, '충남', 'Chungnam'),
    ('jeonbuk', 13, '전북', 'Jeonbuk'), ('jeonnam', 14, '전남', 'Jeonnam'),
    ('gyeongbuk', 15, '경북', 'Gyeongbuk'), ('gyeongnam', 16, '경남', 'Gyeongnam'),
    ('jeju', 17, '제주', 'Jeju');

CREATE TABLE company_sizes (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    name_ko   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);

INSERT INTO company_sizes (id, position, name_ko, name_en) VALUES
    ('micro', 1, '소상공인', 'Micro business'),
    ('small', 2, '소기업', 'Small enterprise'),
    ('medium', 3, '중기업', 'Medium enterprise'),
    ('midsized', 4, '중견기업', 'Mid-sized company'),
    ('startup', 5, '스타트업', 'Startup');

CREATE TABLE industries (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    name_ko   TEXT NOT NULL,
    name_en   TEXT NOT NULL
);

INSERT INTO industries (id, position, name_ko, name_en) VALUES
    ('manufacturing', 1, '제조업', 'Manufacturing'),
    ('ict', 2, '정보통신·소프트웨어', 'ICT and software'),
    ('trade', 3, '도소매', 'Wholesale and retail'),
    ('hospitality', 4, '숙박·음식점', 'Accommodation and food'),
    ('construction', 5, '건설업', 'Construction'),
    ('professional', 6, '전문·과학기술 서비스', 'Professional and scientific services'),
    ('health', 7, '보건·사회복지', 'Health and social work'),
    ('education', 8, '교육 서비스', 'Education'),
    ('agriculture', 9, '농림어업', 'Agriculture, forestry and fishing'),
    ('logistics', 10, '운수·물류', 'Transport and logistics'),
    ('culture', 11, '문화·콘텐츠', 'Culture and content'),
    ('other', 12, '기타', 'Other');
