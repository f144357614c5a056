// Word lists for synthetic people and records. Surnames follow the Hakka region's frequencies roughly;
// nothing here names a real person.
import { makeUscc } from '@certcloud/core';

/** Surnames with rough weights (李 张 陈 黄 刘 钟 罗 杨 曾 古 温 廖 … are common in Meizhou). */
export const SURNAMES: readonly [string, number][] = [
  ['李', 60],
  ['张', 45],
  ['陈', 55],
  ['黄', 45],
  ['刘', 50],
  ['钟', 35],
  ['罗', 35],
  ['杨', 25],
  ['曾', 28],
  ['古', 15],
  ['温', 18],
  ['廖', 22],
  ['林', 25],
  ['谢', 22],
  ['邱', 15],
  ['丘', 8],
  ['何', 14],
  ['叶', 18],
  ['朱', 12],
  ['吴', 16],
  ['王', 18],
  ['赖', 15],
  ['徐', 10],
  ['彭', 12],
  ['侯', 6],
  ['蓝', 6],
  ['卢', 9],
  ['肖', 10],
  ['梁', 10],
  ['潘', 7],
  ['江', 8],
  ['饶', 6],
  ['幸', 3],
  ['巫', 4],
  ['涂', 4],
  ['缪', 3],
  ['利', 3],
  ['宋', 5],
  ['熊', 5],
  ['郑', 8],
  ['邓', 7],
  ['卓', 3],
  ['姚', 5],
  ['房', 2],
  ['钱', 2],
  ['欧阳', 2],
  ['司徒', 1],
];

/** Characters for men's given names. */
export const MALE_CHARS = [
  ...'伟强军明华建国志文斌杰俊辉勇鹏涛浩宇轩子睿宏振兴锦荣海峰光德清源远思成新利平庆福生才昌汉东',
];
/** Characters for women's given names. */
export const FEMALE_CHARS = [
  ...'秀美丽芳玲娟敏静慧琳婷雪梅兰英霞燕红玉珍桂凤月琴佳欣怡雅晓诗萍淑惠嘉颖莉洁蓉春',
];
/** Characters outside the BMP (生僻字) that appear in real given names; systems must store them intact. */
export const RARE_CHARS = ['𠀾', '𡈼', '𪚥', '𠮷', '𡒄', '𨰻', '𤆵', '𥖄'];

/** Ethnic groups (民族) with weights: Meizhou is overwhelmingly 汉族, with 畲族 villages. */
export const ETHNICITIES: readonly [string, number][] = [
  ['汉族', 9950],
  ['畲族', 30],
  ['壮族', 6],
  ['苗族', 5],
  ['瑶族', 4],
  ['土家族', 3],
  ['满族', 2],
];

/** Street names used in addresses of 街道 (urban streets). */
export const ROADS = [
  '中山路',
  '新中路',
  '梅江路',
  '嘉应路',
  '华南大道',
  '彬芳大道',
  '东山大道',
  '环市路',
  '文化路',
  '金燕大道',
  '人民路',
  '富奇路',
  '客都大道',
  '兴宁大道',
  '滨江路',
  '丽都路',
];
/** Village names (…村) used in addresses of towns. */
export const VILLAGES = [
  '新联',
  '东升',
  '石下',
  '上坪',
  '大塘',
  '下坝',
  '松林',
  '黄坑',
  '高岭',
  '长岗',
  '河背',
  '坪上',
  '新田',
  '水口',
  '桥头',
  '中心',
  '围龙',
  '竹园',
  '茶坑',
  '龙岗',
];

/** Offences (罪名) and sentences for criminal records. */
export const OFFENCES = [
  '盗窃罪',
  '危险驾驶罪',
  '故意伤害罪',
  '诈骗罪',
  '开设赌场罪',
  '寻衅滋事罪',
  '交通肇事罪',
  '帮助信息网络犯罪活动罪',
  '非法采矿罪',
  '走私罪',
];
export const SENTENCES = [
  '有期徒刑六个月',
  '有期徒刑一年',
  '有期徒刑二年六个月',
  '拘役三个月',
  '拘役四个月，缓刑六个月',
  '有期徒刑一年，缓刑一年六个月',
  '罚金人民币五千元',
];

/** Areas outside the city for people who married in or were born elsewhere (GB/T 2260 codes). */
export const OUTSIDE_AREAS = ['445102', '445202', '440511', '441502', '440303', '440104', '360702', '350802'];

/** An employer in the insured-persons source. */
export interface Employer {
  name: string;
  uscc: string;
}

const FIRMS = [
  '嘉应',
  '客都',
  '梅江',
  '金柚',
  '雁鸣湖',
  '围龙',
  '剑英',
  '宁江',
  '韩江',
  '阴那山',
  '程江',
  '长潭',
  '平远',
  '松源',
  '汤泉',
  '华城',
];
const TRADES = [
  '建筑工程',
  '电子科技',
  '食品',
  '茶业',
  '纺织',
  '物流',
  '陶瓷',
  '医药',
  '农业发展',
  '水泥',
  '电力',
  '旅游',
  '商贸',
  '汽车服务',
  '稀土',
  '家具',
];

/** Synthetic employers (企业, USCC prefix 91) spread over the areas, plus schools and hospitals (事业单位, 12). */
export function buildEmployers(areaCodes: readonly string[]): Employer[] {
  const list: Employer[] = [];
  let n = 0;
  for (const firm of FIRMS) {
    for (const trade of TRADES) {
      const area = areaCodes[n % areaCodes.length]!;
      n++;
      list.push({
        name: `梅州市${firm}${trade}有限公司`,
        uscc: makeUscc(
          '91',
          area,
          `MA${String(4000 + n * 13).padStart(4, '0')}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[n % 31]}${n % 10}`,
        ),
      });
    }
  }
  for (const [i, unit] of [
    '梅州市人民医院',
    '嘉应学院',
    '梅州市梅江区实验学校',
    '兴宁市第一中学',
    '五华县人民医院',
    '梅州市中医医院',
  ].entries()) {
    list.push({
      name: unit,
      uscc: makeUscc('12', '441400', `00${String(720100 + i * 41).padStart(6, '0')}`),
    });
  }
  return list;
}
