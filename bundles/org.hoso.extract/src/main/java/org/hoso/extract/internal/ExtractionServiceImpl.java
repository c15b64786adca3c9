package org.hoso.extract.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.Provenance;
import org.hoso.extract.api.ExtractedField;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionService;
import org.hoso.extract.api.Extractor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The extraction facade: the one whiteboard consumer of {@link Extractor}s, and the writer of their proposals into
 * the catalogue. The catalogue is optional, so extraction works on the command line without a workspace.
 */
@Component
public final class ExtractionServiceImpl implements ExtractionService {

    /** The rule recorded as the agent of derived file values. */
    static final String DERIVED_RULE = "extract: dates and count from the file's documents";

    private record Registered(Extractor extractor, List<String> accepts, int ranking, long serviceId) {
    }

    private final Map<Long, Registered> extractors = new ConcurrentSkipListMap<>();
    private volatile CatalogueService catalogue;
    private volatile ServiceReference<CatalogueService> catalogueRef;
    private volatile BundleContext context;
    private final Clock clock;

    public ExtractionServiceImpl() {
        this(Clock.systemUTC());
    }

    ExtractionServiceImpl(Clock clock) {
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtractor(Extractor extractor, Map<String, Object> props) {
        Object accepts = props.get(Extractor.ACCEPTS_PROPERTY);
        List<String> list = accepts instanceof String[] a ? Arrays.asList(a)
                : accepts instanceof String s ? List.of(s) : List.of();
        Object ranking = props.get(Constants.SERVICE_RANKING);
        long id = props.get(Constants.SERVICE_ID) instanceof Long l ? l : extractors.size();
        extractors.put(id, new Registered(extractor, list, ranking instanceof Integer r ? r : 0, id));
    }

    void removeExtractor(Extractor extractor, Map<String, Object> props) {
        extractors.values().removeIf(r -> r.extractor() == extractor);
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /**
     * The catalogue is bound by reference only: getting the service would open (and create) the workspace's
     * database, which extraction alone ({@code hoso extract} without a workspace) must not do. It is got when
     * {@link #apply} or {@link #deriveFile} needs it.
     */
    @Reference(service = CatalogueService.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    void bindCatalogue(ServiceReference<CatalogueService> ref) {
        this.catalogueRef = ref;
    }

    void unbindCatalogue(ServiceReference<CatalogueService> ref) {
        if (this.catalogueRef == ref) {
            this.catalogueRef = null;
            BundleContext ctx = context;
            if (catalogue != null && ctx != null) {
                catalogue = null;
                ctx.ungetService(ref);
            }
        }
    }

    /** For tests without a framework: the catalogue itself. */
    void setCatalogue(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    void unsetCatalogue(CatalogueService catalogue) {
        if (this.catalogue == catalogue) {
            this.catalogue = null;
        }
    }

    @Override
    public List<ExtractorInfo> extractors() {
        return extractors.values().stream().map(r -> new ExtractorInfo(r.extractor().id(), r.extractor().version(),
                r.accepts())).sorted(Comparator.comparing(ExtractorInfo::id)).toList();
    }

    @Override
    public Extraction extract(ExtractionInput input, Optional<String> extractorId) {
        Objects.requireNonNull(input, "input");
        Registered chosen = extractors.values().stream()
                .filter(r -> extractorId.map(id -> id.equals(r.extractor().id()))
                        .orElse(r.accepts().contains(Extractor.ADMIN_DOCUMENT)))
                .sorted(Comparator.comparingInt((Registered r) -> -r.ranking()).thenComparingLong(Registered::serviceId))
                .findFirst().orElseThrow(() -> new IllegalStateException(extractorId
                        .map(id -> "no extractor with id " + id + " is registered")
                        .orElse("no extractor for " + Extractor.ADMIN_DOCUMENT + " is registered")));
        return chosen.extractor().extract(input);
    }

    private CatalogueService catalogue() {
        CatalogueService c = catalogue;
        ServiceReference<CatalogueService> ref = catalogueRef;
        BundleContext ctx = context;
        if (c == null && ref != null && ctx != null) {
            c = ctx.getService(ref);
            if (c != null) {
                // kept until the reference goes: the catalogue stays open while this service may write to it
                catalogue = c;
            }
        }
        if (c == null) {
            throw new IllegalStateException("no catalogue is open: extraction results can only be shown");
        }
        return c;
    }

    @Override
    public Applied apply(long itemId, Extraction extraction, String actor) {
        CatalogueService c = catalogue();
        Instant now = clock.instant();
        Item item = null;
        List<String> accepted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ExtractedField f : extraction.fields().values()) {
            if (ItemFields.ALL.stream().noneMatch(d -> d.key().equals(f.key())) || f.value().isBlank()) {
                continue;
            }
            Field<String> proposal = new Field<>(f.value(), Provenance.extracted(extraction.extractorId(),
                    f.confidence(), now));
            item = c.describeItem(itemId, f.key(), proposal, actor);
            Optional<Field<String>> now2 = item.description().get(f.key());
            if (now2.isPresent() && now2.get().provenance().source() == Provenance.Source.EXTRACTED
                    && now2.get().value().equals(proposal.value())
                    && now2.get().provenance().at().equals(now)) {
                accepted.add(f.key());
            } else {
                kept.add(f.key());
            }
        }
        if (item == null) {
            // nothing proposed: still report the document as it is
            item = c.describeItem(itemId, ItemFields.NOTES, new Field<>("", Provenance.extracted(
                    extraction.extractorId(), 0, now)), actor);
        }
        FileUnit file = deriveFile(item.fileId(), actor);
        return new Applied(item, file, List.copyOf(accepted), List.copyOf(kept));
    }

    @Override
    public FileUnit deriveFile(long fileId, String actor) {
        CatalogueService c = catalogue();
        List<Item> items = c.items(fileId);
        Optional<PartialDate> first = Optional.empty();
        Optional<PartialDate> last = Optional.empty();
        for (Item i : items) {
            Optional<PartialDate> d = i.description().text(ItemFields.DATE).flatMap(ExtractionServiceImpl::date);
            if (d.isPresent()) {
                first = first.isEmpty() || d.get().compareTo(first.get()) < 0 ? d : first;
                last = last.isEmpty() || d.get().compareTo(last.get()) > 0 ? d : last;
            }
        }
        Instant now = clock.instant();
        Provenance derived = Provenance.derived(DERIVED_RULE, now);
        FileUnit file = c.describeFile(fileId, FileFields.DOCUMENT_COUNT, new Field<>(Integer.toString(items.size()),
                derived), actor);
        if (first.isPresent()) {
            Field<String> start = new Field<>(first.get().iso(), derived);
            Field<String> end = new Field<>(last.get().iso(), derived);
            // the store refuses a file that ends before it starts, also between the two writes: move the bound
            // that makes room first
            Optional<PartialDate> currentEnd = file.description().text(FileFields.END_DATE)
                    .flatMap(ExtractionServiceImpl::date);
            boolean endFirst = currentEnd.isPresent() && first.get().compareTo(currentEnd.get()) > 0;
            file = describeKeeping(c, fileId, endFirst ? FileFields.END_DATE : FileFields.START_DATE,
                    endFirst ? end : start, actor, file);
            file = describeKeeping(c, fileId, endFirst ? FileFields.START_DATE : FileFields.END_DATE,
                    endFirst ? start : end, actor, file);
        }
        return file;
    }

    /** A derived bound that contradicts a person's other bound (typed start after the documents end) is left out. */
    private static FileUnit describeKeeping(CatalogueService c, long fileId, String key, Field<String> value,
            String actor, FileUnit current) {
        try {
            return c.describeFile(fileId, key, value, actor);
        } catch (IllegalArgumentException e) {
            return current;
        }
    }

    private static Optional<PartialDate> date(String iso) {
        try {
            return Optional.of(PartialDate.parse(iso));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
