package org.hoso.ui.catalogue.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.SearchService;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.ui.api.Workbench;

/**
 * The search view: the query language of {@code hoso search} (words without diacritics, "exact phrases",
 * fields such as {@code loai:}, {@code nam:2019..2021}, {@code phong:}), results ranked with the matched words
 * marked «like this»; a result opened (double click or Enter) is shown in the editor. Searches run off the UI thread.
 */
final class SearchPanel {

    /** One result and what it opens. */
    record Row(SearchService.Hit hit) {
    }

    private final CatalogueSession session;
    private final SearchService search;
    private final Texts texts;
    private final Composite root;
    private final Text query;
    private final Table results;
    private final ProblemBar problems;

    SearchPanel(Composite parent, CatalogueSession session, SearchService search, Texts texts) {
        this.session = session;
        this.search = search;
        this.texts = texts;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        query = new Text(root, SWT.BORDER);
        query.setData(Workbench.WIDGET_ID, "search.query");
        query.setMessage(texts.get("search.hint"));
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        query.addListener(SWT.DefaultSelection, e -> run());
        Button go = new Button(root, SWT.PUSH);
        go.setText(texts.get("search.go"));
        go.setData(Workbench.WIDGET_ID, "search.go");
        go.addListener(SWT.Selection, e -> run());

        results = new Table(root, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        results.setData(Workbench.WIDGET_ID, "search.results");
        results.setHeaderVisible(true);
        results.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String key : List.of("search.col.kind", "search.col.code", "search.col.title", "search.col.snippet")) {
            TableColumn c = new TableColumn(results, SWT.LEFT);
            c.setText(texts.get(key));
            c.setWidth(switch (key) {
                case "search.col.kind" -> 80;
                case "search.col.code" -> 220;
                case "search.col.title" -> 300;
                default -> 420;
            });
        }
        results.addListener(SWT.DefaultSelection, e -> open());
        problems = new ProblemBar(root, texts, "search.problem");
        problems.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    }

    Control control() {
        return root;
    }

    private void run() {
        String text = query.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        session.run(root.getDisplay(), () -> search.search(new SearchService.Query(text, Optional.empty(), 200)),
                found -> show(text, found), e -> problems.problem(texts.get("search.failed"), e));
    }

    private void show(String text, SearchService.Results found) {
        if (results.isDisposed()) {
            return;
        }
        results.removeAll();
        for (SearchService.Hit h : found.hits()) {
            TableItem row = new TableItem(results, SWT.NONE);
            row.setText(new String[] {
                texts.get(h.kind() == SearchService.Kind.FILE ? "search.kind.file" : "search.kind.item"),
                h.docCode().orElse(h.fileCode()), h.title(), h.snippet().marked("«", "»") });
            row.setData(new Row(h));
        }
        problems.info(found.total() == 0 ? texts.format("search.none", text)
                : texts.format(found.exact() ? "search.found" : "search.foundAtLeast", found.total(), text));
    }

    /** Shows the selected result in the editor (and wherever else a view follows the selection). */
    private void open() {
        TableItem[] selected = results.getSelection();
        if (selected.length == 0 || !(selected[0].getData() instanceof Row row)) {
            return;
        }
        SearchService.Hit h = row.hit();
        CatalogueService catalogue = session.catalogue();
        session.run(root.getDisplay(), () -> {
            FileUnit file = catalogue.file(h.fileCode()).orElseThrow(
                    () -> new IllegalStateException(texts.format("search.gone", h.fileCode())));
            if (h.docCode().isEmpty()) {
                return (Object) new Navigator.FileRow(file);
            }
            for (Item i : catalogue.items(file.id())) {
                if (i.docCode().equals(h.docCode().get())) {
                    return new Navigator.ItemRow(i);
                }
            }
            throw new IllegalStateException(texts.format("search.gone", h.docCode().get()));
        }, element -> session.publish(new CatalogueSession.Selected(element)),
                e -> problems.problem(texts.get("search.openFailed"), e));
    }
}
