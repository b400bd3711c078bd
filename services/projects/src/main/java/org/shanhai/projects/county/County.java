package org.shanhai.projects.county;

/**
 * A county-level unit of Zhejiang in the programme.
 *
 * @param code GB/T 2260 six-digit administrative division code, e.g. {@code 330822} 常山县
 * @param developmentClass for mountain counties where the sources confirm it; null when unknown or for partners
 * @param keySupport one of the 7 key-support counties (重点帮扶县)
 */
public record County(
    String code,
    String nameZh,
    String nameEn,
    String cityZh,
    String cityEn,
    CountySide side,
    DevelopmentClass developmentClass,
    boolean keySupport) {
}
