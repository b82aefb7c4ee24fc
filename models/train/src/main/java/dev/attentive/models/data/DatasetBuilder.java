package dev.attentive.models.data;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.DeclaredTypes;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.SubTokens;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import dev.attentive.models.corpus.Library;
import dev.attentive.models.corpus.ReservedLibraries;
import dev.attentive.models.corpus.SourcesResolver;
import dev.attentive.models.kinds.Planted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the dataset from the pinned libraries' sources jars: samples files per library (seeded),
 * cuts windows around lines that hold a mutation site, leaves half clean and plants one bug in the
 * other half. Vocabularies come from the training split only; splits are by library.
 */
public final class DatasetBuilder {

  /** Sizes that decide how big the dataset is. */
  public record Options(
      int filesPerLibrary,
      int windowsPerFile,
      int maxLength,
      int vocabularySize,
      int methodClasses,
      long seed) {
    public static Options defaults() {
      return new Options(400, 14, 128, 8000, 200, 20261123L);
    }
  }

  private final Options options;
  private final SourcesResolver resolver;
  private final JavaLexer lexer = new JavaLexer();

  public DatasetBuilder(Options options, SourcesResolver resolver) {
    this.options = options;
    this.resolver = resolver;
  }

  private record Source(Library library, String path, LexedFile file) {}

  public Dataset build(List<Library> libraries) throws IOException, InterruptedException {
    for (Library library : libraries) {
      ReservedLibraries.refuseIfReserved(library);
    }
    Map<String, String> stats = new LinkedHashMap<>();
    List<Source> sources = new ArrayList<>();
    long started = System.nanoTime();
    for (Library library : libraries) {
      Path jar = resolver.sourcesJar(library);
      List<Source> sampled = sample(library, jar);
      sources.addAll(sampled);
      System.out.printf(
          "  %-60s %-10s %4d files%n", library.coordinates(), library.split(), sampled.size());
    }
    stats.put("files", Integer.toString(sources.size()));
    stats.put("lexSeconds", String.format("%.1f", (System.nanoTime() - started) / 1e9));

    Map<String, Integer> counts = new HashMap<>();
    Map<String, Map<String, Integer>> receiverCounts = new HashMap<>();
    Map<String, Integer> methodCounts = new HashMap<>();
    for (Source source : sources) {
      if (source.library().split() != Library.Split.TRAIN) {
        continue;
      }
      for (CodeToken token : source.file().tokens()) {
        for (String piece : SubTokens.of(token)) {
          counts.merge(piece, 1, Integer::sum);
        }
      }
      source
          .file()
          .receiverCalls()
          .forEach(
              (receiver, methods) ->
                  methods.forEach(
                      m -> {
                        receiverCounts
                            .computeIfAbsent(receiver, r -> new HashMap<>())
                            .merge(m, 1, Integer::sum);
                        methodCounts.merge(m, 1, Integer::sum);
                      }));
    }
    Vocabulary vocabulary = Vocabulary.fromCounts(counts, options.vocabularySize(), 3);
    List<String> topMethods =
        methodCounts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue(Collections.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(options.methodClasses())
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    RepairClasses classes = RepairClasses.withMethods(topMethods);
    Map<String, List<String>> receiverMethods = new TreeMap<>();
    receiverCounts.forEach(
        (receiver, methods) -> {
          List<String> known =
              methods.keySet().stream()
                  .filter(classes::hasMethod)
                  .sorted()
                  .collect(Collectors.toList());
          if (known.size() >= 2) {
            receiverMethods.put(receiver, known);
          }
        });

    WindowCutter cutter = new WindowCutter(vocabulary, options.maxLength());
    BugInjector injector = new BugInjector(classes, receiverMethods);
    Map<Library.Split, List<Example>> bySplit = new HashMap<>();
    Random random = new Random(options.seed());
    Map<String, Integer> kinds = new TreeMap<>();
    for (Source source : sources) {
      List<Example> examples =
          bySplit.computeIfAbsent(source.library().split(), s -> new ArrayList<>());
      examplesOf(source, cutter, injector, classes, random, examples, kinds);
    }
    Collections.shuffle(bySplit.get(Library.Split.TRAIN), random);
    stats.put("vocabulary", Integer.toString(vocabulary.size()));
    stats.put("repairClasses", Integer.toString(classes.size()));
    for (Library.Split split : Library.Split.values()) {
      stats.put(
          split.name().toLowerCase() + "Windows",
          Integer.toString(bySplit.getOrDefault(split, List.of()).size()));
    }
    kinds.forEach((kind, n) -> stats.put("kind." + kind, Integer.toString(n)));
    return new Dataset(
        vocabulary.tokens(),
        classes.classes(),
        receiverMethods,
        options.maxLength(),
        bySplit.getOrDefault(Library.Split.TRAIN, List.of()),
        bySplit.getOrDefault(Library.Split.VALIDATION, List.of()),
        bySplit.getOrDefault(Library.Split.TEST, List.of()),
        stats);
  }

  private List<Source> sample(Library library, Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .map(ZipEntry::getName)
          .filter(
              n ->
                  n.endsWith(".java")
                      && !n.endsWith("package-info.java")
                      && !n.endsWith("module-info.java"))
          .sorted()
          .forEach(names::add);
      Collections.shuffle(names, new Random(options.seed() ^ library.groupArtifact().hashCode()));
      List<Source> sources = new ArrayList<>();
      for (String name : names) {
        if (sources.size() >= options.filesPerLibrary()) {
          break;
        }
        ZipEntry entry = zip.getEntry(name);
        if (entry.getSize() > 150_000) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          Optional<LexedFile> lexed = lexer.lex(text);
          if (lexed.isPresent()
              && !lexed.get().generated()
              && !lexed.get().sitesByLine().isEmpty()) {
            sources.add(new Source(library, name, lexed.get()));
          }
        }
      }
      return sources;
    }
  }

  private void examplesOf(
      Source source,
      WindowCutter cutter,
      BugInjector injector,
      RepairClasses classes,
      Random random,
      List<Example> out,
      Map<String, Integer> kinds) {
    LexedFile file = source.file();
    DeclaredTypes declared = DeclaredTypes.of(file);
    Map<Integer, List<Integer>> byLine = file.tokensByLine();
    List<Integer> lines = new ArrayList<>(file.sitesByLine().keySet());
    Collections.shuffle(lines, random);
    int made = 0;
    for (int line : lines) {
      if (made >= options.windowsPerFile()) {
        break;
      }
      List<Integer> indices = cutter.select(file, byLine, line, 2);
      if (indices == null) {
        continue;
      }
      List<CodeToken> window = new ArrayList<>(indices.size());
      Map<Integer, Integer> positionOf = new HashMap<>();
      for (int i : indices) {
        positionOf.put(i, window.size());
        window.add(file.tokens().get(i));
      }
      Example example = null;
      if (random.nextBoolean()) {
        // Kinds in random order first, then sites: otherwise the plentiful variable uses crowd out
        // rarer kinds.
        Map<MutationSite.Kind, List<MutationSite>> byKind = new TreeMap<>();
        for (MutationSite site : file.sitesByLine().get(line)) {
          byKind.computeIfAbsent(site.kind(), k -> new ArrayList<>()).add(site);
        }
        List<MutationSite.Kind> kindOrder = new ArrayList<>(byKind.keySet());
        Collections.shuffle(kindOrder, random);
        List<MutationSite> sites = new ArrayList<>();
        for (MutationSite.Kind kind : kindOrder) {
          List<MutationSite> ofKind = byKind.get(kind);
          Collections.shuffle(ofKind, random);
          sites.addAll(ofKind);
        }
        for (MutationSite site : sites) {
          Integer at = positionOf.get(site.token());
          int other = site.other() >= 0 ? positionOf.getOrDefault(site.other(), -1) : -1;
          if (at == null) {
            continue;
          }
          Planted planted = injector.plant(window, site, at, other, random);
          if (planted != null) {
            example = encode(cutter, classes, planted, line, source.library(), declared);
            if (example != null) {
              break;
            }
          }
        }
      }
      if (example == null) {
        Window encoded = cutter.encode(window, Set.of(line), false, declared);
        example =
            new Example(
                encoded.ids(),
                encoded.features(),
                0,
                new int[0],
                "clean",
                source.library().artifactId(),
                encoded.types());
      }
      kinds.merge(example.kind(), 1, Integer::sum);
      out.add(example);
      made++;
    }
  }

  private static Example encode(
      WindowCutter cutter,
      RepairClasses classes,
      Planted planted,
      int line,
      Library library,
      DeclaredTypes declared) {
    Window window = cutter.encode(planted.tokens(), Set.of(line), false, declared);
    int location = window.firstPosition()[planted.bugToken()];
    if (location <= 0) {
      return null;
    }
    List<Integer> repairs = new ArrayList<>();
    if (planted.repairClass() != null) {
      int id = classes.id(planted.repairClass());
      if (id < 0) {
        return null;
      }
      repairs.add(id);
    } else {
      for (int token : planted.pointerTokens()) {
        int position = window.firstPosition()[token];
        if (position > 0) {
          repairs.add(classes.size() + position);
        }
      }
      if (repairs.isEmpty()) {
        return null;
      }
    }
    return new Example(
        window.ids(),
        window.features(),
        location,
        repairs.stream().mapToInt(Integer::intValue).toArray(),
        planted.kind().name().toLowerCase(),
        library.artifactId(),
        window.types());
  }
}
