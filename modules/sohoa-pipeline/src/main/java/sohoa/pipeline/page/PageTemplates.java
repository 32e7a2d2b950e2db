package sohoa.pipeline.page;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sohoa.core.i18n.Messages;

/**
 * The pages people read (the job report, the officer console, the verification page): Thymeleaf
 * templates on the class path whose every word comes from the message catalogue through
 * {@code #{key}}, so that one {@link Messages} decides a page's language. Thymeleaf escapes every
 * value, so a file name or OCR text cannot inject markup.
 */
public final class PageTemplates {
  private final TemplateEngine engine = new TemplateEngine();
  private final Messages messages;

  /** The templates {@code folder/<name>.html} next to {@code owner}'s classes. */
  public PageTemplates(Class<?> owner, String folder, Messages messages) {
    this.messages = messages;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(
        owner.getClassLoader());
    resolver.setPrefix(folder.endsWith("/") ? folder : folder + "/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new CatalogueResolver(messages));
  }

  /** The catalogue the pages speak. */
  public Messages messages() {
    return messages;
  }

  /** A context in the catalogue's language, for {@link #render}. */
  public Context context() {
    return new Context(messages.locale());
  }

  /** {@code template} filled from {@code context}. */
  public String render(String template, Context context) {
    return engine.process(template, context);
  }

  /** {@code template} filled from {@code context}, written to {@code out} as it is made. */
  public void render(String template, Context context, java.io.Writer out) {
    engine.process(template, context, out);
  }

  /**
   * {@code #{key}} and {@code #{key(a, b)}} from {@link Messages}. A key the catalogue lacks shows
   * as {@code ??key??}, which the page tests look for, never as an empty gap.
   */
  private record CatalogueResolver(Messages messages) implements IMessageResolver {
    @Override
    public String getName() {
      return "sohoa-messages";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
        Object[] parameters) {
      if (!messages.has(key)) {
        return null;
      }
      return messages.text(key, parameters == null ? new Object[0] : parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin,
        String key, Object[] parameters) {
      return "??" + key + "??";
    }
  }
}
