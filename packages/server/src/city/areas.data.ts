// The 8 county-level areas of the model city (梅州, GB/T 2260 codes) with their towns and streets
// (乡镇街道), police stations (派出所) and the local offices the generator names in records.

/** A police station and the towns of its jurisdiction (辖区). */
export interface StationDef {
  /** Two-digit number within the area; the code is `MZ-GA-<area>-<nn>`. */
  nn: string;
  name: string;
  nameEn: string;
  towns: readonly string[];
}

/** A county-level area (区/县/市). */
export interface AreaDef {
  code: string;
  name: string;
  nameEn: string;
  /** Full prefix of postal addresses, e.g. 广东省梅州市梅江区. */
  addressPrefix: string;
  /** Registered population in 10 000s (approximate), used to weight households. */
  weight: number;
  /** The police organ of the area: 分局 in the two districts, county bureaus elsewhere. */
  policeBureau: string;
  court: string;
  hospital: string;
  funeralHome: string;
  marriageOffice: string;
  /** Name used in real-estate certificate numbers, e.g. 粤（2020）梅州市不动产权第… */
  estateRegistry: string;
  stations: readonly StationDef[];
}

const s = (nn: string, name: string, nameEn: string, towns: string[]): StationDef => ({
  nn,
  name,
  nameEn,
  towns,
});

/** Meizhou's 8 county-level areas, in code order. */
export const AREAS: readonly AreaDef[] = [
  {
    code: '441402',
    name: '梅江区',
    nameEn: 'Meijiang District',
    addressPrefix: '广东省梅州市梅江区',
    weight: 51,
    policeBureau: '梅州市公安局梅江分局',
    court: '梅州市梅江区人民法院',
    hospital: '梅州市人民医院',
    funeralHome: '梅州市殡仪馆',
    marriageOffice: '梅州市梅江区民政局婚姻登记处',
    estateRegistry: '梅州市',
    stations: [
      s('01', '金山派出所', 'Jinshan Police Station', ['金山街道']),
      s('02', '江南派出所', 'Jiangnan Police Station', ['江南街道', '西郊街道']),
      s('03', '三角派出所', 'Sanjiao Police Station', ['三角镇', '城北镇']),
      s('04', '长沙派出所', 'Changsha Police Station', ['长沙镇', '西阳镇']),
    ],
  },
  {
    code: '441403',
    name: '梅县区',
    nameEn: 'Meixian District',
    addressPrefix: '广东省梅州市梅县区',
    weight: 53,
    policeBureau: '梅州市公安局梅县分局',
    court: '梅州市梅县区人民法院',
    hospital: '梅州市梅县区人民医院',
    funeralHome: '梅州市梅县区殡仪馆',
    marriageOffice: '梅州市梅县区民政局婚姻登记处',
    estateRegistry: '梅州市梅县区',
    stations: [
      s('01', '新城派出所', 'Xincheng Police Station', ['新城街道', '程江镇', '南口镇', '梅西镇']),
      s('02', '畲江派出所', 'Shejiang Police Station', [
        '畲江镇',
        '水车镇',
        '梅南镇',
        '石扇镇',
        '城东镇',
        '石坑镇',
        '大坪镇',
      ]),
      s('03', '松口派出所', 'Songkou Police Station', ['松口镇', '雁洋镇', '丙村镇', '白渡镇']),
      s('04', '松源派出所', 'Songyuan Police Station', ['松源镇', '隆文镇', '桃尧镇']),
    ],
  },
  {
    code: '441422',
    name: '大埔县',
    nameEn: 'Dabu County',
    addressPrefix: '广东省梅州市大埔县',
    weight: 37,
    policeBureau: '大埔县公安局',
    court: '大埔县人民法院',
    hospital: '大埔县人民医院',
    funeralHome: '大埔县殡仪馆',
    marriageOffice: '大埔县民政局婚姻登记处',
    estateRegistry: '大埔县',
    stations: [
      s('01', '湖寮派出所', 'Huliao Police Station', ['湖寮镇', '百侯镇', '枫朗镇', '大东镇']),
      s('02', '高陂派出所', 'Gaobei Police Station', ['高陂镇', '大麻镇', '光德镇', '桃源镇']),
      s('03', '茶阳派出所', 'Chayang Police Station', [
        '茶阳镇',
        '三河镇',
        '青溪镇',
        '洲瑞镇',
        '银江镇',
        '西河镇',
      ]),
    ],
  },
  {
    code: '441423',
    name: '丰顺县',
    nameEn: 'Fengshun County',
    addressPrefix: '广东省梅州市丰顺县',
    weight: 48,
    policeBureau: '丰顺县公安局',
    court: '丰顺县人民法院',
    hospital: '丰顺县人民医院',
    funeralHome: '丰顺县殡仪馆',
    marriageOffice: '丰顺县民政局婚姻登记处',
    estateRegistry: '丰顺县',
    stations: [
      s('01', '汤坑派出所', 'Tangkeng Police Station', ['汤坑镇', '汤西镇', '汤南镇', '埔寨镇', '北斗镇']),
      s('02', '留隍派出所', 'Liuhuang Police Station', ['留隍镇', '黄金镇', '砂田镇', '潭江镇', '建桥镇']),
      s('03', '丰良派出所', 'Fengliang Police Station', [
        '丰良镇',
        '八乡山镇',
        '龙岗镇',
        '潘田镇',
        '小胜镇',
        '大龙华镇',
      ]),
    ],
  },
  {
    code: '441424',
    name: '五华县',
    nameEn: 'Wuhua County',
    addressPrefix: '广东省梅州市五华县',
    weight: 104,
    policeBureau: '五华县公安局',
    court: '五华县人民法院',
    hospital: '五华县人民医院',
    funeralHome: '五华县殡仪馆',
    marriageOffice: '五华县民政局婚姻登记处',
    estateRegistry: '五华县',
    stations: [
      s('01', '水寨派出所', 'Shuizhai Police Station', ['水寨镇', '河东镇', '转水镇']),
      s('02', '华城派出所', 'Huacheng Police Station', ['华城镇', '岐岭镇', '长布镇', '周江镇', '潭下镇']),
      s('03', '安流派出所', 'Anliu Police Station', ['安流镇', '棉洋镇', '梅林镇', '双华镇', '龙村镇']),
      s('04', '横陂派出所', 'Hengbei Police Station', ['横陂镇', '华阳镇', '郭田镇']),
    ],
  },
  {
    code: '441426',
    name: '平远县',
    nameEn: 'Pingyuan County',
    addressPrefix: '广东省梅州市平远县',
    weight: 23,
    policeBureau: '平远县公安局',
    court: '平远县人民法院',
    hospital: '平远县人民医院',
    funeralHome: '平远县殡仪馆',
    marriageOffice: '平远县民政局婚姻登记处',
    estateRegistry: '平远县',
    stations: [
      s('01', '大柘派出所', 'Dazhe Police Station', [
        '大柘镇',
        '东石镇',
        '石正镇',
        '长田镇',
        '热柘镇',
        '河头镇',
      ]),
      s('02', '仁居派出所', 'Renju Police Station', [
        '仁居镇',
        '八尺镇',
        '差干镇',
        '中行镇',
        '上举镇',
        '泗水镇',
      ]),
    ],
  },
  {
    code: '441427',
    name: '蕉岭县',
    nameEn: 'Jiaoling County',
    addressPrefix: '广东省梅州市蕉岭县',
    weight: 20,
    policeBureau: '蕉岭县公安局',
    court: '蕉岭县人民法院',
    hospital: '蕉岭县人民医院',
    funeralHome: '蕉岭县殡仪馆',
    marriageOffice: '蕉岭县民政局婚姻登记处',
    estateRegistry: '蕉岭县',
    stations: [
      s('01', '蕉城派出所', 'Jiaocheng Police Station', ['蕉城镇', '三圳镇', '蓝坊镇', '长潭镇']),
      s('02', '新铺派出所', 'Xinpu Police Station', ['新铺镇', '文福镇', '广福镇', '南礤镇']),
    ],
  },
  {
    code: '441481',
    name: '兴宁市',
    nameEn: 'Xingning City',
    addressPrefix: '广东省梅州市兴宁市',
    weight: 97,
    policeBureau: '兴宁市公安局',
    court: '兴宁市人民法院',
    hospital: '兴宁市人民医院',
    funeralHome: '兴宁市殡仪馆',
    marriageOffice: '兴宁市民政局婚姻登记处',
    estateRegistry: '兴宁市',
    stations: [
      s('01', '兴城派出所', 'Xingcheng Police Station', ['兴田街道', '福兴街道', '宁新街道']),
      s('02', '宁塘派出所', 'Ningtang Police Station', [
        '宁塘镇',
        '刁坊镇',
        '新圩镇',
        '水口镇',
        '石马镇',
        '叶塘镇',
        '永和镇',
      ]),
      s('03', '坭陂派出所', 'Nibei Police Station', [
        '坭陂镇',
        '黄陂镇',
        '新陂镇',
        '龙田镇',
        '径南镇',
        '大坪镇',
      ]),
      s('04', '罗岗派出所', 'Luogang Police Station', ['罗岗镇', '合水镇', '黄槐镇', '罗浮镇', '龙北镇']),
    ],
  },
];

/** The police station code of station `nn` in `areaCode`. */
export function stationCode(areaCode: string, nn: string): string {
  return `MZ-GA-${areaCode}-${nn}`;
}

/** The area with this code, or undefined. */
export function areaByCode(code: string): AreaDef | undefined {
  return AREAS.find((a) => a.code === code);
}
