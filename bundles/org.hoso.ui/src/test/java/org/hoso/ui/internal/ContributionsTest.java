package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.hoso.core.api.ServiceInfo;
import org.junit.jupiter.api.Test;

class ContributionsTest {

    @Test
    void serviceTypesAreShortenedToSimpleNames() {
        assertEquals("RecordType", Contributions.shortName("org.hoso.core.api.RecordType"));
        assertEquals("Outer.Inner", Contributions.shortName("org.example.Outer$Inner"));
        assertEquals("Plain", Contributions.shortName("Plain"));
    }

    @Test
    void eachServiceReadsAsItsTypesAndHosoIds() {
        List<ServiceInfo> services = List.of(
                new ServiceInfo(10, List.of("org.hoso.core.api.RecordType"), Map.of(
                        "hoso.recordtype.id", "example.mapsheet", "component.name", "x.ExampleSheetType")),
                new ServiceInfo(11, List.of("org.hoso.ui.api.WorkbenchView"), Map.of(
                        "hoso.view.id", "example.mapsheet.view", "hoso.view.order", "500")),
                new ServiceInfo(12, List.of("java.lang.Runnable", "org.osgi.service.cm.ManagedService"), Map.of()),
                new ServiceInfo(13, List.of("java.lang.Runnable", "org.osgi.service.cm.ManagedService"), Map.of()));
        assertEquals("RecordType (example.mapsheet), WorkbenchView (example.mapsheet.view), "
                + "Runnable/ManagedService", Contributions.describe(services));
        assertEquals("", Contributions.describe(List.of()));
    }
}
