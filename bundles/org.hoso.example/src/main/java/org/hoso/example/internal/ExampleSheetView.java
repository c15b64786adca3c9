package org.hoso.example.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.hoso.core.api.Localization;
import org.hoso.core.api.RecordType;
import org.hoso.ui.api.Workbench;
import org.hoso.ui.api.WorkbenchView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The example view: the fields of the example record type, with the sheet reference validated as the clerk types.
 */
@Component
@WorkbenchView.Kind(id = ExampleSheetView.ID, order = 500)
public final class ExampleSheetView implements WorkbenchView {

    static final String ID = "example.mapsheet.view";

    private final RecordType type;

    @Activate
    public ExampleSheetView(@Reference(target = "(" + RecordType.ID_PROPERTY + "=" + ExampleSheetType.ID + ")")
            RecordType type) {
        this.type = type;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return type.label(locale);
    }

    @Override
    public Control createControl(Composite parent, Locale locale) {
        ResourceBundle texts = Localization.messages("org.hoso.example.internal.messages", locale,
                getClass().getClassLoader());
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));

        Label intro = new Label(root, SWT.WRAP);
        intro.setText(texts.getString("view.intro"));
        intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        Label sheetLabel = new Label(root, SWT.NONE);
        sheetLabel.setText(type.fields().get(0).label(locale) + ":");
        Text sheet = new Text(root, SWT.BORDER | SWT.SINGLE);
        sheet.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sheet.setData(Workbench.WIDGET_ID, "example.sheet.input");

        Label verdict = new Label(root, SWT.WRAP);
        verdict.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        verdict.setData(Workbench.WIDGET_ID, "example.sheet.verdict");
        verdict.setText(texts.getString("sheet.empty"));
        sheet.addModifyListener(e -> {
            Optional<String> problem = SheetNumbers.problem(sheet.getText());
            verdict.setText(problem.map(texts::getString).orElseGet(() -> {
                SheetNumbers.Sheet s = SheetNumbers.parse(sheet.getText()).orElseThrow();
                return s.scale()
                        .map(sc -> String.format(locale, texts.getString("sheet.okWithScale"), s.number(), sc))
                        .orElseGet(() -> String.format(locale, texts.getString("sheet.ok"), s.number()));
            }));
            root.layout(true, true);
        });

        Label fieldsTitle = new Label(root, SWT.NONE);
        fieldsTitle.setText(texts.getString("view.fields"));
        fieldsTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        type.fields().forEach(f -> {
            Label l = new Label(root, SWT.NONE);
            l.setText("• " + f.label(locale));
            l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        });
        return root;
    }
}
