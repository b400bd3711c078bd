package org.shanhai.projects.county;

import java.util.List;

/**
 * The reference list of counties: the 26 mountain counties (山区26县) and every partner county the
 * programme's sources name (../shared/fixtures). Codes are GB/T 2260. The development class is
 * given only where the sources confirm it: the counties in national key ecological function zones
 * are ECOLOGICAL; the rest of the 11 are not named, so those stay unknown (null) rather than guessed.
 */
final class CountyCatalogue {

  static final List<County> ALL = List.of(
      new County("330802", "柯城区", "Kecheng", "衢州", "Quzhou", CountySide.MOUNTAIN, null, false),
      new County("330803", "衢江区", "Qujiang", "衢州", "Quzhou", CountySide.MOUNTAIN, null, false),
      new County("330825", "龙游县", "Longyou", "衢州", "Quzhou", CountySide.MOUNTAIN, null, false),
      new County("330881", "江山市", "Jiangshan", "衢州", "Quzhou", CountySide.MOUNTAIN, null, false),
      new County("330822", "常山县", "Changshan", "衢州", "Quzhou", CountySide.MOUNTAIN, null, false),
      new County("330824", "开化县", "Kaihua", "衢州", "Quzhou", CountySide.MOUNTAIN, DevelopmentClass.ECOLOGICAL, false),
      new County("331102", "莲都区", "Liandu", "丽水", "Lishui", CountySide.MOUNTAIN, null, false),
      new County("331181", "龙泉市", "Longquan", "丽水", "Lishui", CountySide.MOUNTAIN, null, true),
      new County("331121", "青田县", "Qingtian", "丽水", "Lishui", CountySide.MOUNTAIN, null, false),
      new County("331122", "缙云县", "Jinyun", "丽水", "Lishui", CountySide.MOUNTAIN, null, false),
      new County("331123", "遂昌县", "Suichang", "丽水", "Lishui", CountySide.MOUNTAIN, null, false),
      new County("331124", "松阳县", "Songyang", "丽水", "Lishui", CountySide.MOUNTAIN, null, true),
      new County("331125", "云和县", "Yunhe", "丽水", "Lishui", CountySide.MOUNTAIN, null, true),
      new County("331126", "庆元县", "Qingyuan", "丽水", "Lishui", CountySide.MOUNTAIN, null, true),
      new County("331127", "景宁畲族自治县", "Jingning", "丽水", "Lishui", CountySide.MOUNTAIN, null, true),
      new County("330127", "淳安县", "Chun'an", "杭州", "Hangzhou", CountySide.MOUNTAIN, DevelopmentClass.ECOLOGICAL, false),
      new County("330324", "永嘉县", "Yongjia", "温州", "Wenzhou", CountySide.MOUNTAIN, null, false),
      new County("330326", "平阳县", "Pingyang", "温州", "Wenzhou", CountySide.MOUNTAIN, null, false),
      new County("330327", "苍南县", "Cangnan", "温州", "Wenzhou", CountySide.MOUNTAIN, null, false),
      new County("330328", "文成县", "Wencheng", "温州", "Wenzhou", CountySide.MOUNTAIN, DevelopmentClass.ECOLOGICAL, true),
      new County("330329", "泰顺县", "Taishun", "温州", "Wenzhou", CountySide.MOUNTAIN, DevelopmentClass.ECOLOGICAL, true),
      new County("330723", "武义县", "Wuyi", "金华", "Jinhua", CountySide.MOUNTAIN, null, false),
      new County("330727", "磐安县", "Pan'an", "金华", "Jinhua", CountySide.MOUNTAIN, null, false),
      new County("331022", "三门县", "Sanmen", "台州", "Taizhou", CountySide.MOUNTAIN, null, false),
      new County("331023", "天台县", "Tiantai", "台州", "Taizhou", CountySide.MOUNTAIN, null, false),
      new County("331024", "仙居县", "Xianju", "台州", "Taizhou", CountySide.MOUNTAIN, null, false),
      new County("330282", "慈溪市", "Cixi", "宁波", "Ningbo", CountySide.PARTNER, null, false),
      new County("330212", "鄞州区", "Yinzhou", "宁波", "Ningbo", CountySide.PARTNER, null, false),
      new County("330110", "余杭区", "Yuhang", "杭州", "Hangzhou", CountySide.PARTNER, null, false),
      new County("330113", "临平区", "Linping", "杭州", "Hangzhou", CountySide.PARTNER, null, false),
      new County("331081", "温岭市", "Wenling", "台州", "Taizhou", CountySide.PARTNER, null, false),
      new County("330106", "西湖区", "Xihu", "杭州", "Hangzhou", CountySide.PARTNER, null, false),
      new County("330411", "秀洲区", "Xiuzhou", "嘉兴", "Jiaxing", CountySide.PARTNER, null, false),
      new County("330109", "萧山区", "Xiaoshan", "杭州", "Hangzhou", CountySide.PARTNER, null, false));

  private CountyCatalogue() {
  }
}
