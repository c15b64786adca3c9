package org.hoso.ui.catalogue.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.FieldDefinition;
import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.Provenance;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.catalogue.internal.Validation.Form;

/**
 * The editor of the file or document selected in the navigator: every field of {@link Form#FILE} or
 * {@link Form#ITEM}, checked as it is typed, each with where its value came from (typed, imported, derived,
 * extracted with the machine's confidence; low confidence in amber). Keyboard only: Tab and Enter go to the next
 * field, Esc puts a field back, Ctrl+S saves. Saving proposes each changed value as typed by the user
 * ({@link Provenance#typed}), which the catalogue audits; Ctrl+Z in the navigator undoes it.
 */
final class Editor {

    /** Below this confidence an extracted value is highlighted for review. */
    static final double LOW_CONFIDENCE = 0.8;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.systemDefault());

    private final CatalogueSession session;
    private final CatalogueService catalogue;
    private final Texts texts;
    private final Composite root;
    private final Label title;
    private final ScrolledComposite scroll;
    private final Composite form;
    private final Button save;
    private final Button revert;
    private final ProblemBar problems;
    private final Color invalid;
    private final Color lowConfidence;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    /** What is shown: a FileUnit or an Item, as last read. */
    private Object shown;

    /** One field's widgets. */
    private record Row(FieldDefinition def, Control input, Label provenance, Label problem, String original) {
        String text() {
            return input instanceof Text t ? t.getText() : ((Combo) input).getText();
        }

        void text(String value) {
            if (input instanceof Text t) {
                t.setText(value);
            } else {
                ((Combo) input).setText(value);
            }
        }
    }

    Editor(Composite parent, CatalogueSession session, Texts texts) {
        this.session = session;
        this.catalogue = session.catalogue();
        this.texts = texts;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        invalid = new Color(new RGB(255, 215, 215));
        lowConfidence = new Color(new RGB(255, 236, 170));

        title = new Label(root, SWT.WRAP);
        title.setData(Workbench.WIDGET_ID, "editor.title");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText(texts.get("editor.nothing"));

        scroll = new ScrolledComposite(root, SWT.V_SCROLL | SWT.BORDER);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(3, false));
        scroll.setContent(form);

        Composite buttons = new Composite(root, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        save = new Button(buttons, SWT.PUSH);
        save.setText(texts.get("editor.save"));
        save.setData(Workbench.WIDGET_ID, "editor.save");
        save.addListener(SWT.Selection, e -> save());
        revert = new Button(buttons, SWT.PUSH);
        revert.setText(texts.get("editor.revert"));
        revert.setData(Workbench.WIDGET_ID, "editor.revert");
        revert.addListener(SWT.Selection, e -> show(shown));
        problems = new ProblemBar(root, texts, "editor.problem");
        problems.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        enable(false);

        AutoCloseable selections = session.listen(root.getDisplay(), CatalogueSession.Selected.class, s -> {
            if (s.element() instanceof Navigator.FileRow f) {
                show(f.file());
            } else if (s.element() instanceof Navigator.ItemRow i) {
                show(i.item());
            }
        });
        AutoCloseable changes = session.listen(root.getDisplay(), CatalogueSession.Changed.class, this::reread);
        root.addListener(SWT.Dispose, e -> {
            invalid.dispose();
            lowConfidence.dispose();
            try {
                selections.close();
                changes.close();
            } catch (Exception ignored) {
                // nothing held
            }
        });
    }

    Control control() {
        return root;
    }

    private void enable(boolean on) {
        save.setEnabled(on);
        revert.setEnabled(on);
    }

    /** Shows a file or a document, building the form for its kind. */
    void show(Object element) {
        if (root.isDisposed() || element == null) {
            return;
        }
        shown = element;
        Form kind = element instanceof FileUnit ? Form.FILE : Form.ITEM;
        Description d;
        if (element instanceof FileUnit f) {
            d = f.description();
            title.setText(texts.format("editor.file", f.fileNumber(), f.fileCode(), f.box().orElse("-")));
        } else {
            Item i = (Item) element;
            d = i.description();
            title.setText(texts.format("editor.item", i.position(), i.docCode()));
        }
        for (Control c : form.getChildren()) {
            c.dispose();
        }
        rows.clear();
        for (FieldDefinition def : kind.fields()) {
            Label label = new Label(form, SWT.NONE);
            label.setText(def.label(texts.locale()) + (def.required() ? " *" : ""));
            Control input;
            if (def.type() == FieldDefinition.ValueType.CODE) {
                Combo combo = new Combo(form, SWT.DROP_DOWN);
                combo.setItems(Validation.choices(kind, def.key(), texts.locale()).toArray(String[]::new));
                input = combo;
            } else {
                input = new Text(form, SWT.SINGLE | SWT.BORDER);
            }
            input.setData(Workbench.WIDGET_ID, "editor.field." + def.key());
            input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Label provenance = new Label(form, SWT.NONE);
            provenance.setData(Workbench.WIDGET_ID, "editor.provenance." + def.key());
            GridData provenanceData = new GridData(SWT.FILL, SWT.CENTER, false, false);
            provenanceData.widthHint = 300;
            provenance.setLayoutData(provenanceData);
            Label problem = new Label(form, SWT.WRAP);
            problem.setData(Workbench.WIDGET_ID, "editor.problem." + def.key());
            problem.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_RED));
            GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
            pd.horizontalIndent = 12;
            pd.exclude = true;
            problem.setLayoutData(pd);
            problem.setVisible(false);
            Optional<Field<String>> value = d.get(def.key());
            String original = value.map(v -> Validation.display(kind, def.key(), v.value(), texts.locale()))
                    .orElse("");
            Row row = new Row(def, input, provenance, problem, original);
            rows.put(def.key(), row);
            row.text(original);
            showProvenance(row, value);
            input.addListener(SWT.Modify, e -> check(kind, row));
            input.addListener(SWT.KeyDown, e -> keys(e, kind, row, value));
            input.addListener(SWT.DefaultSelection, e -> input.traverse(SWT.TRAVERSE_TAB_NEXT));
            // typing down the form with Tab keeps the field in sight
            input.addListener(SWT.FocusIn, e -> scroll.showControl(input));
        }
        form.layout(true);
        scroll.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        enable(true);
        root.layout(true, true);
    }

    private void keys(Event e, Form kind, Row row, Optional<Field<String>> value) {
        if ((e.stateMask & SWT.MOD1) != 0 && e.keyCode == 's') {
            e.doit = false;
            save();
        } else if (e.keyCode == SWT.ESC) {
            row.text(value.map(v -> Validation.display(kind, row.def().key(), v.value(), texts.locale())).orElse(""));
        }
    }

    private void showProvenance(Row row, Optional<Field<String>> value) {
        if (value.isEmpty()) {
            row.provenance().setText("");
            row.provenance().setToolTipText(null);
            return;
        }
        Provenance p = value.get().provenance();
        boolean low = p.source() == Provenance.Source.EXTRACTED && p.confidence() < LOW_CONFIDENCE;
        row.provenance().setText(provenanceText(texts, p));
        row.provenance().setToolTipText(texts.format("provenance.when", WHEN.format(p.at())));
        row.provenance().setData("hoso.lowConfidence", low);
        row.input().setBackground(low ? lowConfidence : null);
    }

    /** Where a value came from, in words: "Nhập tay: lan, 03/12/2026 08:12"; low confidence marked for review. */
    static String provenanceText(Texts texts, Provenance p) {
        String text = switch (p.source()) {
            case TYPED -> texts.format("provenance.typed", p.agent(), WHEN.format(p.at()));
            case IMPORTED -> texts.format("provenance.imported", p.agent());
            case DERIVED -> texts.format("provenance.derived", p.agent());
            case EXTRACTED -> texts.format("provenance.extracted", p.agent(), Math.round(p.confidence() * 100));
        };
        boolean low = p.source() == Provenance.Source.EXTRACTED && p.confidence() < LOW_CONFIDENCE;
        return low ? texts.format("provenance.low", text) : text;
    }

    /** Checks one field as it is typed: red with the reason when it is not valid. */
    private boolean check(Form kind, Row row) {
        Validation.Result r = Validation.check(kind, row.def().key(), row.text());
        boolean bad = r.problem().isPresent();
        r.problem().ifPresentOrElse(p -> {
            row.problem().setText(texts.format(p.key(), p.argument()));
            row.problem().setToolTipText(p.technical().isEmpty() ? null : p.technical());
        }, () -> row.problem().setText(""));
        if (bad) {
            row.input().setBackground(invalid);
        } else if (!Boolean.TRUE.equals(row.provenance().getData("hoso.lowConfidence"))) {
            row.input().setBackground(null);
        }
        if (row.problem().getVisible() != bad) {
            row.problem().setVisible(bad);
            ((GridData) row.problem().getLayoutData()).exclude = !bad;
            form.layout(true);
            scroll.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        }
        return !bad;
    }

    /** Saves the changed fields as typed by the user, in one undoable change. */
    void save() {
        if (shown == null) {
            return;
        }
        Form kind = shown instanceof FileUnit ? Form.FILE : Form.ITEM;
        Description before = shown instanceof FileUnit f ? f.description() : ((Item) shown).description();
        Map<String, String> changed = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (Row row : rows.values()) {
            if (!check(kind, row)) {
                bad.add(row.def().label(texts.locale()));
                continue;
            }
            String canonical = Validation.check(kind, row.def().key(), row.text()).canonical().orElse("");
            if (!canonical.equals(before.text(row.def().key()).orElse(""))) {
                changed.put(row.def().key(), canonical);
            }
        }
        orderOfDates(kind, changed, before).ifPresent(key -> {
            Row row = rows.get(key);
            row.problem().setText(texts.get("validation.order"));
            row.problem().setVisible(true);
            ((GridData) row.problem().getLayoutData()).exclude = false;
            row.input().setBackground(invalid);
            form.layout(true);
            bad.add(row.def().label(texts.locale()));
        });
        if (!bad.isEmpty()) {
            problems.info(texts.format("editor.fixFirst", String.join(", ", bad)));
            rows.values().stream().filter(r -> r.problem().getVisible()).findFirst().ifPresent(r -> r.input().setFocus());
            return;
        }
        if (changed.isEmpty()) {
            problems.info(texts.get("editor.unchanged"));
            return;
        }
        String label = texts.format("editor.saved", changed.size(),
                shown instanceof FileUnit f ? f.fileCode() : ((Item) shown).docCode());
        History.Change change = edit(session, shown, before, changed, label);
        session.apply(root.getDisplay(), change, e -> problems.problem(texts.get("editor.saveFailed"), e));
        problems.info(change.label());
    }

    /** The end date field, when the dates as they would be saved end before they start. */
    private static Optional<String> orderOfDates(Form kind, Map<String, String> changed, Description before) {
        if (kind != Form.FILE) {
            return Optional.empty();
        }
        String start = changed.getOrDefault(FileFields.START_DATE, before.text(FileFields.START_DATE).orElse(""));
        String end = changed.getOrDefault(FileFields.END_DATE, before.text(FileFields.END_DATE).orElse(""));
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return PartialDate.parse(end).latest().isBefore(PartialDate.parse(start).earliest())
                ? Optional.of(FileFields.END_DATE) : Optional.empty();
    }

    /**
     * A change that gives fields of a file or a document the values {@code changed} (canonical), as typed by the
     * session's user: all or nothing; undone by typing the old values again. The page view accepts and fixes
     * extracted fields with it too.
     */
    static History.Change edit(CatalogueSession session, Object element, Description before,
            Map<String, String> changed, String label) {
        CatalogueService catalogue = session.catalogue();
        String user = session.user();
        boolean file = element instanceof FileUnit;
        long id = file ? ((FileUnit) element).id() : ((Item) element).id();
        CatalogueSession.Changed affected = file
                ? new CatalogueSession.Changed(Set.of(((FileUnit) element).schemeNodeId()), Set.of(id))
                : new CatalogueSession.Changed(Set.of(), Set.of(((Item) element).fileId()));
        return new History.Change(label, affected) {
            @Override
            void redo() {
                List<String> applied = new ArrayList<>();
                try {
                    for (Map.Entry<String, String> e : changed.entrySet()) {
                        describe(e.getKey(), e.getValue());
                        applied.add(e.getKey());
                    }
                } catch (RuntimeException e) {
                    // one field refused: put back those already saved, so the save is all or nothing
                    applied.forEach(key -> describe(key, before.text(key).orElse("")));
                    throw e;
                }
            }

            @Override
            void undo() {
                // the old value back, as typed now: a person's value cannot be replaced by an older machine one
                changed.keySet().forEach(key -> describe(key, before.text(key).orElse("")));
            }

            private void describe(String key, String value) {
                Field<String> typed = new Field<>(value, Provenance.typed(user, session.clock().instant()));
                if (file) {
                    catalogue.describeFile(id, key, typed, user);
                } else {
                    catalogue.describeItem(id, key, typed, user);
                }
            }
        };
    }

    /**
     * Shows a new reading of what is shown, keeping what the user has typed and not yet saved in the fields they
     * changed.
     */
    private void showAgain(Object element) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (shown != null && id(element) == id(shown) && element.getClass() == shown.getClass()) {
            rows.forEach((key, row) -> {
                if (!row.input().isDisposed() && !row.text().equals(row.original())) {
                    typed.put(key, row.text());
                }
            });
        }
        show(element);
        typed.forEach((key, text) -> rows.get(key).text(text));
    }

    private static long id(Object element) {
        return element instanceof FileUnit f ? f.id() : ((Item) element).id();
    }

    /** After a change, reads what is shown again (off the UI thread) and shows it with its new provenance. */
    private void reread(CatalogueSession.Changed changed) {
        Object current = shown;
        if (current instanceof FileUnit f && (changed.everything() || changed.files().contains(f.id())
                || changed.nodes().contains(f.schemeNodeId()))) {
            session.run(root.getDisplay(), () -> catalogue.file(f.fileCode()), found -> found.ifPresent(this::showAgain),
                    e -> problems.problem(texts.get("editor.readFailed"), e));
        } else if (current instanceof Item i && (changed.everything() || changed.files().contains(i.fileId()))) {
            session.run(root.getDisplay(), () -> findItem(i.id(), changed),
                    found -> found.ifPresent(this::showAgain), e -> problems.problem(texts.get("editor.readFailed"), e));
        }
    }

    private Optional<Item> findItem(long itemId, CatalogueSession.Changed changed) {
        Object current = shown;
        List<Long> files = new ArrayList<>(changed.files());
        if (current instanceof Item i && !files.contains(i.fileId())) {
            files.add(i.fileId());
        }
        for (long fileId : files) {
            Optional<Item> found = catalogue.items(fileId).stream().filter(x -> x.id() == itemId).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
