package org.darkscope.sim.response;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;

/** Builds the ECAL lateral tables once per detector version and segment, then shares them. */
final class LateralTables {
    private static final Map<String, LateralTable> CACHE = new ConcurrentHashMap<>();

    private LateralTables() {}

    static LateralTable get(Detector d, boolean preshower) {
        return CACHE.computeIfAbsent(d.version() + (preshower ? "/pre" : "/main"), k -> {
            CellLayer pre = d.ecalPreshower();
            CellLayer main = d.ecalMain();
            double x0 = d.ecalRadiationLength();
            double tPre = (pre.zMax() - pre.zMin()) / x0;
            double tAll = (main.zMax() - pre.zMin()) / x0;
            return preshower
                    ? new LateralTable(pre, x0, d.ecalMoliereRadius(), 0, tPre)
                    : new LateralTable(main, x0, d.ecalMoliereRadius(), tPre, tAll);
        });
    }
}
