package org.hoso.digitise.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.Job;
import org.hoso.core.api.JobService;
import org.hoso.core.api.NewTask;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.StoredObject;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Recognition;
import org.hoso.digitise.api.DigitisationService;
import org.hoso.digitise.api.ScanSource;
import org.hoso.digitise.api.UnreadablePageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Plans batches, stores their scans and pages, submits the page tasks that {@link PageTask} runs. */
@Component(service = DigitisationService.class)
public final class DigitisationServiceImpl implements DigitisationService {

    private final CatalogueService catalogue;
    private final ObjectStore objects;
    private final JobService jobs;
    private final ScanSource source;

    @Activate
    public DigitisationServiceImpl(@Reference CatalogueService catalogue, @Reference ObjectStore objects,
            @Reference JobService jobs, @Reference ScanSource source) {
        this.catalogue = catalogue;
        this.objects = objects;
        this.jobs = jobs;
        this.source = source;
    }

    @Override
    public Batch plan(List<Path> paths, String fondsCode, Optional<String> fileCode) throws IOException {
        if (catalogue.fonds(fondsCode).isEmpty()) {
            throw new IllegalArgumentException(Texts.both("batch.noFonds", fondsCode));
        }
        if (fileCode.isPresent()) {
            requireFile(fondsCode, fileCode.get());
        }
        return Batches.plan(paths, fondsCode, fileCode, code -> catalogue.file(code)
                .filter(f -> f.fondsCode().equals(fondsCode)).isPresent());
    }

    private FileUnit requireFile(String fondsCode, String fileCode) {
        return catalogue.file(fileCode).filter(f -> f.fondsCode().equals(fondsCode))
                .orElseThrow(() -> new IllegalArgumentException(Texts.both("batch.noSuchFile", fileCode, fondsCode)));
    }

    @Override
    public Job submit(Batch batch, String languages, String actor) throws IOException {
        if (!languages.matches("[a-z_]{3,}(\\+[a-z_]{3,})*")) {
            throw new IllegalArgumentException("Tesseract languages like vie or vie+eng: '" + languages + "'");
        }
        List<NewTask> tasks = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (Document d : batch.documents()) {
            FileUnit file = requireFile(batch.fondsCode(), d.fileCode());
            List<Item> items = catalogue.items(file.id());
            while (items.size() < d.position()) {
                catalogue.addItem(file.id(), Map.of(), actor);
                items = catalogue.items(file.id());
            }
            Item item = items.get(d.position() - 1);
            for (Path scan : d.scans()) {
                StoredObject stored = objects.put(scan);
                int frames;
                try {
                    frames = source.probe(objects.path(stored.id())).size();
                } catch (UnreadablePageException e) {
                    frames = 1; // its task fails with the reason, and the page goes on the re-scan list
                }
                for (int frame = 1; frame <= frames; frame++) {
                    Page page = catalogue.addPage(item.id(), stored.id(), frame, actor);
                    pages.add(page.id() + "\t" + languages);
                    if (catalogue.recognition(page.id()).isEmpty()) {
                        tasks.add(new NewTask(PAGE_TASK, "page-" + page.id(), PageTask.input(page.id(),
                                scan.getFileName().toString(), frame, languages)));
                    }
                }
            }
        }
        // the same batch (the same pages) names its job the same: given again after a kill, its unfinished job goes on
        String title = Texts.text(null, "batch.title", batch.fondsCode(), pages.size()) + " [" + signature(pages)
                + "]";
        for (Job j : jobs.jobs()) {
            if (!j.state().ended() && j.title().equals(title)) {
                return j;
            }
        }
        return jobs.submit(title, actor, tasks);
    }

    private static String signature(List<String> pages) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String page : pages) {
                md.update(page.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Rescan> rescans(String fondsCode, Optional<String> fileCode) {
        if (fileCode.isPresent()) {
            requireFile(fondsCode, fileCode.get());
        }
        List<Rescan> rescans = new ArrayList<>();
        for (CatalogueService.PageAt at : catalogue.pages(fondsCode, fileCode, Page.Status.RESCAN)) {
            List<String> reasons = catalogue.recognition(at.page().id()).map(Recognition::issues).orElse(List.of())
                    .stream().filter(i -> i.contains(" FAIL")).toList();
            rescans.add(new Rescan(at.fileCode(), at.docCode(), at.page().position(), reasons));
        }
        return rescans;
    }
}
