package dev.attentive.models.data;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The built dataset: its vocabularies and its examples per split. */
public record Dataset(
    List<String> vocabulary,
    List<String> repairClasses,
    Map<String, List<String>> receiverMethods,
    int maxLength,
    List<Example> train,
    List<Example> validation,
    List<Example> test,
    Map<String, String> stats)
    implements Serializable {}
