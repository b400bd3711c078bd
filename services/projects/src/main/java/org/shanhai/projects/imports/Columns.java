package org.shanhai.projects.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.shanhai.projects.imports.Column.Type;
import org.shanhai.projects.project.ProjectKind;
import org.shanhai.projects.project.ProjectStatus;

/** The columns of each kind of import file, in the templates' order. */
public final class Columns {

  private Columns() {
  }

  static final Map<String, String> KINDS = labels(ProjectKind.class, Map.of(
      "INDUSTRIAL_PROJECT", "产业项目", "INDUSTRIAL_ENCLAVE", "产业飞地", "SCI_TECH_ENCLAVE", "科创飞地",
      "WEAK_VILLAGE_ENCLAVE", "消薄飞地", "TALENT_ENCLAVE", "人才飞地", "INDUSTRIAL_PARK", "山海协作产业园",
      "ECO_TOURISM_PARK", "生态旅游文化产业园", "RURAL_REVITALISATION_SITE", "乡村振兴示范点",
      "CONSUMPTION_SUPPORT", "消费帮扶"));

  static final Map<String, String> STATUSES = labels(ProjectStatus.class, Map.of(
      "PLANNED", "谋划中", "SIGNED", "已签约", "UNDER_CONSTRUCTION", "在建", "TOPPED_OUT", "已结顶",
      "COMPLETED", "已竣工", "IN_PRODUCTION", "已投产", "SUSPENDED", "停工", "CANCELLED", "已取消"));

  private static final Column PAIRING = Column.text("pairingId", "结对编号", false,
      "结对的编号（系统中的 pairingId）；也可不填此列，改填“山区县”和“结对县”");
  private static final Column EXTERNAL_CODE = Column.text("externalCode", "项目编号", false,
      "本县自己的项目编号，同一结对内不能重复；以后报送进度可用它指明项目");

  static final List<Column> PROJECTS = List.of(
      PAIRING,
      Column.of("mountainCounty", "山区县", Type.COUNTY, false, "结对中的山区县：县名（如 常山县）或六位行政区划代码"),
      Column.of("partnerCounty", "结对县", Type.COUNTY, false, "结对中的沿海发达县（市、区）：县名或六位代码"),
      EXTERNAL_CODE,
      Column.text("name", "项目名称", true, "项目全称，最多 200 字"),
      Column.choice("kind", "项目类型", true, KINDS, "从下拉列表中选择"),
      Column.of("hostCounty", "所在县", Type.COUNTY, true, "项目所在的县（市、区）：县名或六位代码"),
      Column.of("plannedInvestment", "计划总投资", Type.AMOUNT, false,
          "单位为元；列名写“计划总投资（万元）”时按万元填写。尚不确定可留空"),
      Column.of("plannedStart", "计划开工日期", Type.DATE, false, "日期，如 2026-03-31"),
      Column.of("plannedCompletion", "计划竣工日期", Type.DATE, false, "日期，不早于计划开工日期"),
      Column.text("enclaveId", "所属飞地ID", false, "项目位于某个飞地或产业园时，填该飞地的项目ID"),
      Column.choice("status", "项目状态", false, STATUSES, "新登记的项目只能是“谋划中”或“已签约”；留空为谋划中"));

  static final List<Column> UPDATES = List.of(
      Column.text("projectId", "项目ID", false, "系统中的项目ID；也可不填此列，改填“项目编号”"),
      EXTERNAL_CODE,
      Column.text("pairingId", "结对编号", false, "项目编号在不同结对中重名时，用它指明是哪个结对"),
      Column.of("reportDate", "报告日期", Type.DATE, true, "进度截至的日期，如 2026-06-30；不能晚于今天，也不能早于上次报送"),
      Column.choice("status", "项目状态", false, STATUSES, "从下拉列表中选择；状态没有变化可留空"),
      Column.of("cumulativeInvestment", "累计完成投资", Type.AMOUNT, false,
          "截至报告日期的累计数，单位为元（列名写“（万元）”时按万元）；不能比上次少"),
      Column.of("fundsInPlace", "到位资金", Type.AMOUNT, false, "截至报告日期到位的资金，单位同上"),
      Column.of("jobsCreated", "带动就业", Type.INTEGER, false, "带动就业人数（整数）"),
      Column.of("plannedInvestment", "计划总投资", Type.AMOUNT, false, "计划总投资确定或调整时填写，单位同上"),
      Column.text("note", "备注", false, "说明，最多 2000 字"));

  public static List<Column> of(ImportKind kind) {
    return kind == ImportKind.PROJECTS ? PROJECTS : UPDATES;
  }

  /** Each constant of {@code type} with its label, in declaration order. */
  private static <E extends Enum<E>> Map<String, String> labels(Class<E> type, Map<String, String> labels) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      ordered.put(constant.name(), labels.getOrDefault(constant.name(), constant.name()));
    }
    return ordered;
  }
}
