package sohoa.pdf.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Finds the images a page paints and where. A scanner's PDF page paints exactly one image over the
 * whole page; such a page is OCR'd from that image rather than re-rendered.
 */
final class PageImageFinder extends PDFStreamEngine {
  /** An image as painted: the XObject and the matrix that maps its unit square onto the page. */
  record Placed(PDImageXObject image, Matrix placement) {}

  private final List<Placed> images = new ArrayList<>();
  private boolean inlineImage;

  PageImageFinder() {
    addOperator(new Concatenate(this));
    addOperator(new SetGraphicsStateParameters(this));
    addOperator(new Save(this));
    addOperator(new Restore(this));
    addOperator(new SetMatrix(this));
  }

  static PageImageFinder scan(PDPage page) throws IOException {
    PageImageFinder finder = new PageImageFinder();
    finder.processPage(page);
    return finder;
  }

  List<Placed> images() {
    return images;
  }

  boolean hasInlineImage() {
    return inlineImage;
  }

  @Override
  protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
    String name = operator.getName();
    if (OperatorName.BEGIN_INLINE_IMAGE.equals(name)) {
      inlineImage = true;
    } else if (OperatorName.DRAW_OBJECT.equals(name) && !operands.isEmpty()
        && operands.get(0) instanceof COSName objectName) {
      PDXObject xobject = getResources().getXObject(objectName);
      if (xobject instanceof PDImageXObject image) {
        images.add(new Placed(image, getGraphicsState().getCurrentTransformationMatrix().clone()));
      } else if (xobject instanceof PDFormXObject form) {
        showForm(form);
      }
    } else {
      super.processOperator(operator, operands);
    }
  }
}
