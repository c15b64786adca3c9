package org.hoso.sample.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hoso.digitise.api.SampleScans;
import org.osgi.service.component.annotations.Component;

/**
 * Renders Decree 30 style documents of the sample commune with Java2D in DejaVu Serif (Debian's fonts-dejavu-core,
 * which {@code scripts/install-native.sh} installs) and spoils them like poor scans. Every random choice comes
 * from one seeded {@link Random}.
 */
@Component
public final class ScanRenderer implements SampleScans {

    static final Path FONT_DIR = Paths.get("/usr/share/fonts/truetype/dejavu");
    private static final double A4_W_IN = 210 / 25.4;
    private static final double A4_H_IN = 297 / 25.4;

    private static final String[] ABSTRACTS = {
        "Về việc kiện toàn Ban chỉ đạo chuyển đổi số của xã",
        "Về việc phê duyệt kế hoạch chỉnh lý tài liệu tồn đọng",
        "Về việc bàn giao hồ sơ, tài liệu khi sắp xếp đơn vị hành chính",
        "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc" };
    private static final String[] SENTENCES = {
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024 và các văn bản hướng dẫn thi hành;",
        "Theo đề nghị của công chức Văn phòng - Thống kê xã về việc chỉnh lý tài liệu;",
        "Ủy ban nhân dân xã giao công chức phụ trách lưu trữ chủ trì, phối hợp với các bộ phận chuyên môn thực hiện việc thu thập, phân loại, lập hồ sơ và xác định thời hạn bảo quản tài liệu.",
        "Hồ sơ, tài liệu hình thành trong quá trình hoạt động của xã phải được giao nộp vào lưu trữ cơ quan đúng thời hạn, đầy đủ thành phần và có mục lục kèm theo.",
        "Việc số hóa tài liệu bảo đảm độ phân giải tối thiểu 200 dpi, đúng thứ tự trang và được kiểm tra chất lượng trước khi đưa vào cơ sở dữ liệu.",
        "Kinh phí thực hiện được bố trí từ nguồn ngân sách xã năm 2025 theo quy định hiện hành của Nhà nước.",
        "Các bộ phận, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký.",
        "Trường hợp phát hiện tài liệu bị hư hỏng, mối mọt hoặc thất lạc phải báo cáo ngay để kịp thời xử lý.",
        "Đề nghị Trưởng các thôn thông báo rộng rãi để nhân dân được biết và phối hợp thực hiện." };
    private static final String[] NAMES = { "Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Quang Định", "Phạm Thị Ngọc Ánh" };

    @Override
    public SampleScan page(long seed, int dpi, Degradation d) {
        Random random = new Random(seed);
        int number = 1 + random.nextInt(200);
        int day = 1 + random.nextInt(28);
        int month = 1 + random.nextInt(12);
        String about = ABSTRACTS[random.nextInt(ABSTRACTS.length)];
        Document doc = new Document("UBND HUYỆN YÊN SƠN", "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", number + "/QĐ-UBND",
                "Hòa Bình, ngày " + day + " tháng " + month + " năm 2025", "QUYẾT ĐỊNH", about, "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH", "");
        // the signer is drawn after the body, as this page has always been drawn for a seed
        return render(doc, random, () -> NAMES[random.nextInt(NAMES.length)], dpi, d);
    }

    @Override
    public SampleScan page(Document document, long seed, int dpi, Degradation d) {
        return render(document, new Random(seed), document::signerName, dpi, d);
    }

    /** The issuer written over the header's lines: "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH" as "ỦY BAN NHÂN DÂN" / "XÃ HÒA BÌNH". */
    static List<String> issuerLines(String issuer) {
        String u = issuer.strip().toUpperCase(java.util.Locale.ROOT);
        for (String body : List.of("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")) {
            if (u.startsWith(body + " ") && u.length() > body.length() + 1) {
                return List.of(body, u.substring(body.length() + 1));
            }
        }
        return List.of(u);
    }

    private SampleScan render(Document doc, Random random, java.util.function.Supplier<String> signer, int dpi,
            Degradation d) {
        if (dpi < 150 || dpi > 600) {
            throw new IllegalArgumentException("dpi " + dpi);
        }
        int w = (int) Math.round(A4_W_IN * dpi);
        int h = (int) Math.round(A4_H_IN * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        double pt = dpi / 72.0;
        Font regular = font("DejaVuSerif.ttf", 13 * pt);
        Font bold = font("DejaVuSerif-Bold.ttf", 13 * pt);
        Font italic = font("DejaVuSerif-Italic.ttf", 13 * pt);
        Font small = font("DejaVuSerif.ttf", 12 * pt);
        Font smallBold = font("DejaVuSerif-Bold.ttf", 12 * pt);
        int left = (int) (30 / 25.4 * dpi);
        int right = w - (int) (15 / 25.4 * dpi);
        int colSplit = left + (right - left) * 2 / 5;
        List<String> truth = new ArrayList<>();

        int y = (int) (20 / 25.4 * dpi);
        // header: issuer on the left, national motto on the right (Decree 30, form 1.1)
        int lineH = (int) (small.getSize2D() * 1.45);
        List<String> leftCol = new ArrayList<>();
        if (!doc.parentIssuer().isBlank()) {
            leftCol.add(doc.parentIssuer().strip().toUpperCase(java.util.Locale.ROOT));
        }
        leftCol.addAll(issuerLines(doc.issuer()));
        boolean hasParent = !doc.parentIssuer().isBlank();
        List<String> rightCol = List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
        for (int i = 0; i < leftCol.size(); i++) {
            centre(g, i == 0 && hasParent ? small : smallBold, leftCol.get(i), left, colSplit, y + (i + 1) * lineH);
        }
        for (int i = 0; i < rightCol.size(); i++) {
            centre(g, smallBold, rightCol.get(i), colSplit, right, y + (i + 1) * lineH);
        }
        // reading order of a two-column header: row by row, as the lines stand side by side
        for (int i = 0; i < leftCol.size(); i++) {
            truth.add(leftCol.get(i));
            if (i < rightCol.size()) {
                truth.add(rightCol.get(i));
            }
        }
        y += 4 * lineH + lineH / 2;
        String no = "Số: " + doc.numberSymbol();
        String date = doc.placeDate();
        centre(g, small, no, left, colSplit, y);
        g.setFont(font("DejaVuSerif-Italic.ttf", 12 * pt));
        centre(g, g.getFont(), date, colSplit, right, y);
        truth.add(no);
        truth.add(date);
        y += 3 * lineH;
        if (!doc.typeName().isBlank()) {
            String type = doc.typeName().strip().toUpperCase(java.util.Locale.ROOT);
            centre(g, bold, type, left, right, y);
            truth.add(type);
            y += (int) (bold.getSize2D() * 1.5);
        }
        String about = doc.abstractText().strip();
        centre(g, bold, about, left, right, y);
        truth.add(about);
        y += (int) (bold.getSize2D() * 2.2);
        String issuerUpper = doc.issuer().strip().toUpperCase(java.util.Locale.ROOT);
        centre(g, bold, issuerUpper, left, right, y);
        truth.add(issuerUpper);
        y += (int) (bold.getSize2D() * 2.0);

        g.setFont(regular);
        FontMetrics fm = g.getFontMetrics();
        int bodyLine = (int) (regular.getSize2D() * 1.5);
        int paragraphs = 5 + random.nextInt(2);
        for (int p = 0; p < paragraphs && y < h - 80 * pt; p++) {
            String text = SENTENCES[random.nextInt(SENTENCES.length)];
            for (String line : wrap(fm, text, right - left - (int) (10 * pt))) {
                g.drawString(line, left, y);
                truth.add(line);
                y += bodyLine;
            }
            y += bodyLine / 3;
        }
        y += bodyLine;
        String name = signer.get();
        List<String> sign = new ArrayList<>();
        if (!doc.authority().isBlank()) {
            sign.add(doc.authority().strip().toUpperCase(java.util.Locale.ROOT));
        }
        sign.add(doc.signerTitle().strip().toUpperCase(java.util.Locale.ROOT));
        int sy = y;
        g.setFont(smallBold);
        g.drawString("Nơi nhận:", left, sy);
        for (int i = 0; i < sign.size(); i++) {
            centre(g, bold, sign.get(i), colSplit, right, sy + i * lineH);
        }
        g.setFont(small);
        List<String> recipients = List.of("- Như Điều 3;", "- UBND huyện;", "- Lưu: VT.");
        for (int i = 0; i < recipients.size(); i++) {
            g.drawString(recipients.get(i), left, sy + (i + 1) * lineH);
        }
        centre(g, bold, name, colSplit, right, sy + 5 * lineH);
        // reading order: row by row, the recipients beside the signature block
        truth.add("Nơi nhận:");
        for (int i = 0; i < Math.max(sign.size(), recipients.size() + 1); i++) {
            if (i < sign.size()) {
                truth.add(sign.get(i));
            }
            if (i < recipients.size()) {
                truth.add(recipients.get(i));
            }
        }
        truth.add(name);
        g.dispose();

        BufferedImage spoiled = spoil(img, d, random);
        String text = Normalizer.normalize(String.join("\n", truth), Normalizer.Form.NFC);
        return new SampleScan(spoiled, dpi, text);
    }

    /** Ink and paper levels, then the turn on the glass, then specks: in the order a scanner adds them. */
    static BufferedImage spoil(BufferedImage clean, Degradation d, Random random) {
        int w = clean.getWidth();
        int h = clean.getHeight();
        byte[] px = new byte[w * h];
        clean.getRaster().getDataElements(0, 0, w, h, px);
        int ink = d.inkLevel();
        int paper = d.paperLevel();
        for (int i = 0; i < px.length; i++) {
            int v = px[i] & 0xff;
            px[i] = (byte) (ink + (paper - ink) * v / 255);
        }
        BufferedImage toned = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        toned.getRaster().setDataElements(0, 0, w, h, px);
        BufferedImage out = toned;
        if (d.skewDegrees() != 0) {
            out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = out.createGraphics();
            g.setColor(new Color(paper, paper, paper));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(toned, AffineTransform.getRotateInstance(Math.toRadians(-d.skewDegrees()), w / 2.0, h / 2.0),
                    null);
            g.dispose();
            out.getRaster().getDataElements(0, 0, w, h, px);
        }
        if (d.noise() > 0) {
            for (int i = 0; i < px.length; i++) {
                if (random.nextDouble() < d.noise()) {
                    px[i] = (byte) (random.nextBoolean() ? 0 : 255);
                }
            }
            out.getRaster().setDataElements(0, 0, w, h, px);
        }
        return out;
    }

    private static void centre(Graphics2D g, Font f, String s, int x0, int x1, int y) {
        g.setFont(f);
        int sw = g.getFontMetrics().stringWidth(s);
        g.drawString(s, x0 + (x1 - x0 - sw) / 2, y);
    }

    private static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Font font(String file, double size) {
        Path p = FONT_DIR.resolve(file);
        try (InputStream in = Files.newInputStream(p)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont((float) size);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample pages need DejaVu fonts (apt-get install fonts-dejavu-core): "
                    + p, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("not a TrueType font: " + p, e);
        }
    }
}
