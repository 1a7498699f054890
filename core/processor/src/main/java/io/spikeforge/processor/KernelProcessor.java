package io.spikeforge.processor;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads every {@code @io.spikeforge.spi.Kernel} method, checks that it has the form every backend can
 * run (see that annotation), and generates its typed call and device form ({@link KernelSources}).
 * A declaration that breaks a rule is a compile error at the method or parameter, saying which rule.
 * It also lists the classes that declare kernels in {@value #INDEX}, one per line, so that the
 * engine's contract test can find every kernel of a jar.
 */
@SupportedAnnotationTypes({KernelProcessor.KERNEL, KernelProcessor.HOST_FORM})
public final class KernelProcessor extends AbstractProcessor {

    static final String SPI = "io.spikeforge.spi.";
    static final String KERNEL = SPI + "Kernel";
    static final String HOST_FORM = SPI + "HostForm";
    static final String READ = SPI + "Read";
    static final String WRITE = SPI + "Write";
    static final String LOCAL = SPI + "Local";
    /** The resource listing a compilation's kernel classes. */
    static final String INDEX = "META-INF/spikeforge/kernel-classes";

    private final Set<String> indexed = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement kernel = processingEnv.getElementUtils().getTypeElement(KERNEL);
        TypeElement hostForm = processingEnv.getElementUtils().getTypeElement(HOST_FORM);
        Map<TypeElement, List<KernelModel>> byOwner = new LinkedHashMap<>();
        if (kernel != null) {
            for (Element e : round.getElementsAnnotatedWith(kernel)) {
                KernelModel k = read((ExecutableElement) e);
                if (k != null) {
                    byOwner.computeIfAbsent((TypeElement) e.getEnclosingElement(), o -> new ArrayList<>()).add(k);
                }
            }
        }
        Map<TypeElement, List<KernelModel>> withHostForms = new LinkedHashMap<>();
        byOwner.forEach((owner, kernels) -> withHostForms.put(owner, hostForms(owner, kernels)));
        if (hostForm != null) {
            for (Element e : round.getElementsAnnotatedWith(hostForm)) {
                checkHostFormMatches((ExecutableElement) e, kernel);
            }
        }
        withHostForms.forEach(this::write);
        if (round.processingOver() && !indexed.isEmpty()) {
            writeIndex();
        }
        return true;
    }

    /** @return the kernel's model, or null after reporting what is wrong with it */
    private KernelModel read(ExecutableElement m) {
        Element enclosing = m.getEnclosingElement();
        boolean ok = true;
        if (!(enclosing instanceof TypeElement owner) || owner.getNestingKind() != NestingKind.TOP_LEVEL
                || owner.getKind() != ElementKind.CLASS) {
            return error(m, "a kernel must be declared in a top-level class");
        }
        if (!m.getModifiers().contains(Modifier.STATIC) || m.getModifiers().contains(Modifier.PRIVATE)) {
            ok = false;
            error(m, "a kernel must be a static method that its package can call (not private)");
        }
        if (m.getReturnType().getKind() != TypeKind.VOID) {
            ok = false;
            error(m, "a kernel returns nothing (void): it writes its results into its array arguments");
        }
        if (!m.getTypeParameters().isEmpty() || m.isVarArgs()) {
            ok = false;
            error(m, "a kernel has neither type parameters nor varargs");
        }
        List<? extends VariableElement> ps = m.getParameters();
        if (ps.size() < 2 || !isInt(ps.get(0)) || !isInt(ps.get(1))) {
            return error(m, "a kernel's first two parameters are its item range (int from, int to)");
        }
        for (Element sibling : owner.getEnclosedElements()) {
            if (sibling != m && annotated(sibling, KERNEL) && sibling.getSimpleName().equals(m.getSimpleName())) {
                return error(m, "kernel names are unique within their class: another kernel is named "
                        + m.getSimpleName());
            }
        }
        boolean elementwise = flag(m, "elementwise");
        List<KernelModel.Param> params = new ArrayList<>();
        for (VariableElement p : ps.subList(2, ps.size())) {
            KernelModel.Param param = param(p, elementwise);
            if (param == null) {
                ok = false;
            } else {
                params.add(param);
            }
        }
        if (!ok) {
            return null;
        }
        PackageElement pkg = processingEnv.getElementUtils().getPackageOf(owner);
        String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        return new KernelModel(packageName, owner.getSimpleName().toString(), m.getSimpleName().toString(),
                flag(m, "serial"), params, null);
    }

    private KernelModel.Param param(VariableElement p, boolean elementwise) {
        TypeMirror t = p.asType();
        boolean read = annotated(p, READ);
        boolean write = annotated(p, WRITE);
        boolean local = annotated(p, LOCAL);
        String name = p.getSimpleName().toString();
        if (t.getKind().isPrimitive()) {
            if (read || write || local) {
                return error(p, "@Read, @Write and @Local mark arrays; " + name + " is a " + t + " value");
            }
            return new KernelModel.Param(name, t.toString(), KernelModel.Access.SCALAR, false);
        }
        if (!(t instanceof ArrayType a) || !a.getComponentType().getKind().isPrimitive()) {
            return error(p, "a kernel takes primitive values and primitive arrays only (what a device can hold); "
                    + name + " is a " + t);
        }
        if (read == write) {
            return error(p, "mark the array " + name + " @Read (only read) or @Write (written, and maybe read)");
        }
        return new KernelModel.Param(name, t.toString(), read ? KernelModel.Access.READ : KernelModel.Access.WRITE,
                local || elementwise);
    }

    /** The kernels of {@code owner}, each with the nested class holding its {@code @HostForm}, if any. */
    private List<KernelModel> hostForms(TypeElement owner, List<KernelModel> kernels) {
        List<KernelModel> out = new ArrayList<>();
        for (KernelModel k : kernels) {
            String host = null;
            for (Element nested : owner.getEnclosedElements()) {
                if (!(nested instanceof TypeElement type)) {
                    continue;
                }
                for (Element member : type.getEnclosedElements()) {
                    if (member instanceof ExecutableElement m && annotated(m, HOST_FORM)
                            && m.getSimpleName().contentEquals(k.name()) && sameParameters(m, k)) {
                        host = type.getSimpleName().toString();
                    }
                }
            }
            out.add(new KernelModel(k.packageName(), k.owner(), k.name(), k.serial(), k.params(), host));
        }
        return out;
    }

    private void checkHostFormMatches(ExecutableElement m, TypeElement kernel) {
        Element nested = m.getEnclosingElement();
        Element owner = nested.getEnclosingElement();
        if (!(owner instanceof TypeElement) || !m.getModifiers().contains(Modifier.STATIC)) {
            error(m, "a @HostForm is a static method of a class nested in the class that declares its kernel");
            return;
        }
        var types = processingEnv.getTypeUtils();
        for (Element e : owner.getEnclosedElements()) {
            if (e instanceof ExecutableElement k && kernel != null && annotated(k, KERNEL)
                    && k.getSimpleName().equals(m.getSimpleName())
                    && types.isSameType(types.erasure(k.asType()), types.erasure(m.asType()))) {
                return;
            }
        }
        error(m, "this @HostForm matches no @Kernel of " + owner.getSimpleName()
                + " with its name and parameter types");
    }

    private boolean sameParameters(ExecutableElement m, KernelModel k) {
        List<? extends VariableElement> ps = m.getParameters();
        if (ps.size() != k.params().size() + 2) {
            return false;
        }
        for (int i = 0; i < k.params().size(); i++) {
            if (!ps.get(i + 2).asType().toString().equals(k.params().get(i).type())) {
                return false;
            }
        }
        return true;
    }

    private void write(TypeElement owner, List<KernelModel> kernels) {
        KernelModel first = kernels.get(0);
        String qualified = first.qualifiedOwner();
        Filer filer = processingEnv.getFiler();
        try {
            try (Writer w = filer.createSourceFile(qualified + KernelSources.CALLS, owner).openWriter()) {
                w.write(KernelSources.calls(first.packageName(), first.owner(), kernels));
            }
            try (Writer w = filer.createSourceFile(qualified + KernelSources.DEVICE, owner).openWriter()) {
                w.write(KernelSources.device(first.packageName(), first.owner(), kernels));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        indexed.add(qualified);
    }

    private void writeIndex() {
        try {
            FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (Writer w = f.openWriter()) {
                for (String c : indexed) {
                    w.write(c + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isInt(VariableElement p) {
        return p.asType().getKind() == TypeKind.INT;
    }

    private static boolean annotated(Element e, String annotation) {
        return e.getAnnotationMirrors().stream().anyMatch(a -> a.getAnnotationType().toString().equals(annotation));
    }

    private static boolean flag(ExecutableElement m, String attribute) {
        return m.getAnnotationMirrors().stream().filter(a -> a.getAnnotationType().toString().equals(KERNEL))
                .flatMap(a -> a.getElementValues().entrySet().stream())
                .anyMatch(en -> en.getKey().getSimpleName().contentEquals(attribute)
                        && Boolean.TRUE.equals(en.getValue().getValue()));
    }

    private <T> T error(Element e, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, e);
        return null;
    }
}
