package dev.attentive.models.cli;

import dev.attentive.models.corpus.Library;
import dev.attentive.models.corpus.SourcesResolver;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.data.DatasetBuilder;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dataset every command reads: built from the pinned libraries ({@code --libraries}, {@code
 * --files}, {@code --windows}, {@code --maxLength} sub-tokens per window) and kept in {@code
 * --cache}, reused while the library list and the dataset options are the same.
 */
final class DatasetCache {

  private DatasetCache() {}

  static Dataset load(Options options) throws Exception {
    Path list = options.path("libraries", ModelPaths.LIBRARIES);
    Path cache = options.path("cache", ModelPaths.DATASET_CACHE);
    DatasetBuilder.Options d = DatasetBuilder.Options.defaults();
    DatasetBuilder.Options datasetOptions =
        new DatasetBuilder.Options(
            options.integer("files", d.filesPerLibrary()),
            options.integer("windows", d.windowsPerFile()),
            options.integer("maxLength", d.maxLength()),
            d.vocabularySize(),
            d.methodClasses(),
            d.seed());
    String key = Files.readString(list) + datasetOptions;
    if (Files.isRegularFile(cache)) {
      try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(cache))) {
        if (key.equals(in.readObject())) {
          Dataset data = (Dataset) in.readObject();
          System.out.println("dataset from cache " + cache + ": " + data.stats());
          return data;
        }
      }
    }
    System.out.println("building the dataset from " + list + " with " + datasetOptions);
    long started = System.nanoTime();
    Dataset data =
        new DatasetBuilder(datasetOptions, SourcesResolver.fromEnvironment())
            .build(Library.readList(list));
    System.out.printf("built in %.0f s: %s%n", (System.nanoTime() - started) / 1e9, data.stats());
    Files.createDirectories(cache.toAbsolutePath().getParent());
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(cache))) {
      out.writeObject(key);
      out.writeObject(data);
    }
    return data;
  }
}
