import { loadBundledClassifiers } from '../seed/territory-seeder';
import { parseKatoCsv, parseSoateCsv, searchKeyOf } from '../domain/classifier-rows';
import { UnitLevel } from '../domain/unit-level';

describe('classifier parsing', () => {
  it('reads SOATE levels: oblast, raion, aiyl aimak or town, village', () => {
    const rows = parseSoateCsv(
      [
        'soate,name_ru,level,kind,parent_soate,seed_id,seed_parent_id',
        '41707000000000,Таласская область,1,RegionAndCity,,8,',
        '41707220000000,Бакай-Атинский район,2,District,41707000000000,53,8',
        '41707220840000,Ак-Дебенский айылный аймак,3,Countryside,41707220000000,386,53',
        '41707215500000,г. Кара-Куль,3,Countryside,41707220000000,1,1',
        '41707220840010,Ак-Дебе,4,Village,41707220840000,2322,386',
      ].join('\n'),
      null,
    );
    expect(rows.map((r) => r.level)).toEqual([UnitLevel.REGION, UnitLevel.DISTRICT, UnitLevel.AIMAK, UnitLevel.CITY, UnitLevel.VILLAGE]);
    expect(rows[4].parentCode).toBe('41707220840000');
  });

  it('derives KATO parents from the code, not from the okrug-centre nesting of the source', () => {
    const rows = parseKatoCsv(
      [
        'kato,name_ru,depth,kind_guess,parent_kato',
        '100000000,область Абай,1,region,',
        '103600000,Абайский район,2,district,100000000',
        '103633000,Кайнарский с.о.,3,rural_okrug,103600000',
        '103633100,с.Кайнар,4,settlement_or_other,103633000',
        '103633102,с.Медеу,5,settlement_or_other,103633100',
      ].join('\n'),
      null,
    );
    expect(rows.map((r) => [r.code, r.parentCode, r.level])).toEqual([
      ['100000000', null, UnitLevel.REGION],
      ['103600000', '100000000', UnitLevel.DISTRICT],
      ['103633000', '103600000', UnitLevel.AIMAK],
      ['103633100', '103633000', UnitLevel.VILLAGE],
      ['103633102', '103633000', UnitLevel.VILLAGE],
    ]);
  });

  it('loads the bundled classifiers with every parent present and the hand-added names', () => {
    const units = loadBundledClassifiers();
    const kg = units.filter((u) => u.country === 'KG');
    const kz = units.filter((u) => u.country === 'KZ');
    expect(kg).toHaveLength(2438);
    expect(kz.filter((u) => u.level === UnitLevel.REGION)).toHaveLength(20);
    const codes = new Set(units.map((u) => `${u.country}:${u.code}`));
    expect(units.filter((u) => u.parentCode && !codes.has(`${u.country}:${u.parentCode}`))).toEqual([]);
    const akDobo = units.find((u) => u.code === '41707220840010')!;
    expect(akDobo.names).toEqual({ ru: 'Ак-Дебе', ky: 'Ак-Дөбө', en: 'Ak-Dobo' });
    expect(searchKeyOf(akDobo.names)).toContain('ак дебе');
  });
});
