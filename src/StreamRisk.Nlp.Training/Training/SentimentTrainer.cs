using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;
using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Evaluation;
using StreamRisk.Nlp.Training.Modeling;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>A trained model before export, with what its validation split said. <see cref="Net"/>, <see cref="Vocabulary"/>,
/// <see cref="BestEpoch"/>, <see cref="History"/> and the validation split are its first (or only) network's; <see cref="Temperature"/> calibrates
/// a single network (an ensemble averages its members' calibrated probabilities and records 1).</summary>
/// <param name="Teachers">The networks it was distilled from (none when trained on the labels alone).</param>
/// <param name="Members">The networks of an ensemble, the first included (none for a single network).</param>
/// <param name="Served">The networks the ONNX graph runs, each with the scale of its logits (1 / its temperature) and its
/// vocabulary.</param>
public sealed record TrainedSentimentModel(
    FirmSentimentNet Net,
    CompactVocabulary Vocabulary,
    double Temperature,
    int BestEpoch,
    IReadOnlyList<EpochRecord> History,
    ClassificationReport ValidationUncalibrated,
    ClassificationReport ValidationCalibrated,
    IReadOnlyList<LabelledText> TrainRows,
    IReadOnlyList<LabelledText> ValidationRows,
    IReadOnlyList<NetworkRecord> Teachers,
    IReadOnlyList<NetworkRecord> Members,
    IReadOnlyList<ServedNetwork> Served);

/// <summary>One teacher or ensemble member: its seed, best epoch, temperature, calibrated validation scores and the rows of
/// its vocabulary.</summary>
public sealed record NetworkRecord(int Seed, int BestEpoch, double Temperature, double ValidationAccuracy, double ValidationMacroF1, int VocabularyRows);

/// <summary>
/// Trains <see cref="FirmSentimentNet"/> on labelled texts: a stratified validation split is held out of the training
/// rows for early stopping (best validation macro-F1) and temperature calibration; nothing else is looked at. With
/// teachers (<see cref="SentimentTrainingOptions.Teachers"/>), that many models are first trained the same way on the
/// same split with other seeds, and the model is then trained on the labels and on the teachers' averaged calibrated
/// probabilities of every training row (knowledge distillation), so it keeps one model's serving cost. With members
/// (<see cref="SentimentTrainingOptions.Members"/>), that many networks, each trained as if alone with its seed, are served
/// as one ensemble graph: more accurate, and that many times the serving cost.
/// Deterministic for a seed on the same machine and thread count.
/// </summary>
public static class SentimentTrainer
{
    /// <param name="rowsOfSeed">Rows drawn with a network's seed (generated sentences) and added to <paramref name="rows"/>:
    /// each network of an ensemble reads those of its own seed.</param>
    public static TrainedSentimentModel Train(IReadOnlyList<LabelledText> rows, string vocabPath, SentimentTrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default,
        Func<int, IReadOnlyList<LabelledText>>? rowsOfSeed = null)
    {
        if (options.Teachers > 0 && options.Members > 1)
            throw new ArgumentException("teachers and an ensemble cannot be combined", nameof(options));
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        var random = new Random(options.Seed);
        var tokenizer = WordPieceTextEncoder.FromVocabulary(vocabPath, lowerCase: true, stripAccents: true, tokenizeChineseChars: true);
        IssuerNameMask? nameMask = null;
        if (options.MentionMasking == MentionMasking.Issuers)
        {
            nameMask = IssuerNameMask.For(tokenizer) ?? throw new ArgumentException(
                $"mention masking needs the vocabulary entries '{IssuerNameMask.IssuerToken}' and '{IssuerNameMask.OtherIssuerToken}'; {vocabPath} has none", nameof(vocabPath));
        }
        // The rows a network of this seed reads. Cut before the split, so a text's issuers tell each other's clauses apart
        // (and after the other issuers' names are taken from the whole text). The split then groups by the cut texts: two
        // issuers of one sentence can land on different sides (docs/sentiment-model.md says so).
        IReadOnlyList<LabelledText> RowsOf(int seed)
        {
            IReadOnlyList<LabelledText> all = rowsOfSeed is null ? rows : [.. rows, .. rowsOfSeed(seed)];
            if (nameMask is not null) all = RowEncoder.WithOtherIssuers(all);
            return options.AspectScope == AspectScope.Clauses ? RowEncoder.CutToIssuerClauses(all) : all;
        }
        var (train, validation) = Split(RowsOf(options.Seed), options.ValidationFraction, random);
        var vocabularySize = File.ReadLines(vocabPath).Count();
        List<EncodedRow> Encode(IReadOnlyList<LabelledText> texts) =>
            RowEncoder.Encode(tokenizer, texts, options.MaxLength, options.LexiconFeatures, nameMask);
        CompactVocabulary VocabularyOf(List<EncodedRow> encoded) =>
            CompactVocabulary.Build(encoded, vocabularySize, options.MinTokenCount, [tokenizer.ClassificationId, tokenizer.SeparatorId]);
        var trainRows = Encode(train);
        var validationRows = Encode(validation);
        var vocabulary = VocabularyOf(trainRows);
        var validationLabels = validationRows.Select(r => r.Label).ToList();
        var networks = options.Teachers + options.Members;

        var teachers = new List<NetworkRecord>();
        if (options.Teachers > 0)
        {
            var soft = trainRows.Select(_ => new double[SentimentClasses.Count]).ToArray();
            for (var k = 1; k <= options.Teachers; k++)
            {
                var seed = options.Seed + k;
                torch.manual_seed(seed);
                var (teacher, bestEpoch, _) = TrainNetwork(trainRows, validationRows, vocabulary, options, new Random(seed), k, networks, progress, cancellationToken);
                using (teacher)
                {
                    var (record, temperature) = Calibrate(teacher, seed, bestEpoch, validationRows, vocabulary, options.BatchSize);
                    AddMeanShare(teacher, temperature, options.Teachers, trainRows, vocabulary, options.BatchSize, soft);
                    teachers.Add(record);
                }
            }
            trainRows = trainRows.Select((row, r) => row with
            {
                Target = [.. soft[r].Select(p => (float)p)],
            }).ToList();
        }

        // Seeded here, after the teachers, so a run without teachers draws exactly what it always did.
        torch.manual_seed(options.Seed);
        var (net, best, history) = TrainNetwork(trainRows, validationRows, vocabulary, options, random, options.Teachers + 1, networks, progress, cancellationToken);
        if (options.Members == 1)
        {
            var finalLogits = Logits(net, validationRows, vocabulary, options.BatchSize);
            var temperatureOfModel = TemperatureScaling.Fit(finalLogits, validationLabels);
            return new TrainedSentimentModel(net, vocabulary, temperatureOfModel, best, history,
                ClassificationReport.Of(validationLabels, finalLogits.Select(l => TemperatureScaling.Softmax(l, 1)).ToList()),
                ClassificationReport.Of(validationLabels, finalLogits.Select(l => TemperatureScaling.Softmax(l, temperatureOfModel)).ToList()),
                train, validation, teachers, [], [new ServedNetwork(net, 1 / temperatureOfModel, vocabulary)]);
        }

        // An ensemble (bagging): every further network is trained as if alone with seed + k: its own generated rows,
        // validation split (for its early stopping and temperature) and vocabulary; the served probabilities are the mean
        // of the networks' calibrated probabilities. The ensemble's scores on the first network's validation split are
        // optimistic: the other networks trained on most of it.
        var members = new List<(ServedNetwork Network, NetworkRecord Record)>();
        var (firstRecord, firstTemperature) = Calibrate(net, options.Seed, best, validationRows, vocabulary, options.BatchSize);
        members.Add((new ServedNetwork(net, 1 / firstTemperature, vocabulary), firstRecord));
        for (var k = 1; k < options.Members; k++)
        {
            var seed = options.Seed + k;
            var memberRandom = new Random(seed);
            var (memberTrain, memberValidation) = Split(RowsOf(seed), options.ValidationFraction, memberRandom);
            var memberTrainRows = Encode(memberTrain);
            var memberValidationRows = Encode(memberValidation);
            var memberVocabulary = VocabularyOf(memberTrainRows);
            torch.manual_seed(seed);
            var (member, bestEpoch, _) = TrainNetwork(memberTrainRows, memberValidationRows, memberVocabulary, options, memberRandom,
                options.Teachers + 1 + k, networks, progress, cancellationToken);
            var (record, temperature) = Calibrate(member, seed, bestEpoch, memberValidationRows, memberVocabulary, options.BatchSize);
            members.Add((new ServedNetwork(member, 1 / temperature, memberVocabulary), record));
        }
        var probabilities = validationRows.Select(_ => new double[SentimentClasses.Count]).ToArray();
        foreach (var (member, record) in members)
            AddMeanShare(member.Net, record.Temperature, members.Count, validationRows, member.Vocabulary, options.BatchSize, probabilities);
        var ensembleReport = ClassificationReport.Of(validationLabels, probabilities);
        return new TrainedSentimentModel(net, vocabulary, 1.0, best, history, ensembleReport, ensembleReport,
            train, validation, teachers, [.. members.Select(m => m.Record)], [.. members.Select(m => m.Network)]);
    }

    /// <summary>Adds one network's share of a mean of <paramref name="networks"/> networks' calibrated probabilities of
    /// every row to <paramref name="sums"/>.</summary>
    private static void AddMeanShare(FirmSentimentNet net, double temperature, int networks, IReadOnlyList<EncodedRow> rows,
        CompactVocabulary vocabulary, int batchSize, double[][] sums)
    {
        var logits = Logits(net, rows, vocabulary, batchSize);
        for (var r = 0; r < logits.Count; r++)
        {
            var p = TemperatureScaling.Softmax(logits[r], temperature);
            for (var c = 0; c < p.Length; c++) sums[r][c] += p[c] / networks;
        }
    }

    /// <summary>The temperature of one trained network on the validation split, and its calibrated scores there.</summary>
    private static (NetworkRecord Record, double Temperature) Calibrate(FirmSentimentNet net, int seed, int bestEpoch,
        IReadOnlyList<EncodedRow> validationRows, CompactVocabulary vocabulary, int batchSize)
    {
        var labels = validationRows.Select(r => r.Label).ToList();
        var logits = Logits(net, validationRows, vocabulary, batchSize);
        var temperature = TemperatureScaling.Fit(logits, labels);
        var report = ClassificationReport.Of(labels, logits.Select(l => TemperatureScaling.Softmax(l, temperature)).ToList());
        return (new NetworkRecord(seed, bestEpoch, temperature, report.Accuracy, report.MacroF1, vocabulary.Count), temperature);
    }

    /// <summary>Trains one network (from torch's current seed) until early stopping and returns it with the best epoch's
    /// weights, in evaluation mode. Rows carrying <see cref="EncodedRow.Target"/> are also fitted to those probabilities.</summary>
    private static (FirmSentimentNet Net, int BestEpoch, List<EpochRecord> History) TrainNetwork(IReadOnlyList<EncodedRow> trainRows,
        IReadOnlyList<EncodedRow> validationRows, CompactVocabulary vocabulary, SentimentTrainingOptions options, Random random,
        int model, int models, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var net = new FirmSentimentNet(new FirmSentimentNetShape(vocabulary.Count, options.EmbeddingSize, options.Channels,
            HiddenSize: options.HiddenSize, Dropout: options.Dropout,
            LexiconFeatures: options.LexiconFeatures ? Core.Sentiment.LexiconEvidenceFeatures.Count : 0));
        using var optimizer = torch.optim.AdamW(net.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var history = new List<EpochRecord>();
        var best = (F1: -1.0, Epoch: 0, State: (Dictionary<string, Tensor>?)null);
        var steps = (trainRows.Count + options.BatchSize - 1) / options.BatchSize;
        var order = Enumerable.Range(0, trainRows.Count).ToArray();
        var validationLabels = validationRows.Select(r => r.Label).ToList();
        long step = 0;
        var totalSteps = (long)options.MaxEpochs * steps;
        for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            net.train();
            var batches = LengthBuckets(order, trainRows, options.BatchSize, random);
            double lossSum = 0;
            for (var s = 0; s < steps; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (ids, mask, aspects, labels, evidence, targets) = Tensors(batches[s], vocabulary, options.TokenDropout, random);
                var logits = net.forward(ids, mask, aspects, evidence);
                var loss = nn.functional.cross_entropy(logits, labels);
                if (targets is not null)
                {
                    var softLoss = -(targets * nn.functional.log_softmax(logits, 1)).sum(1).mean();
                    loss = (1 - options.DistillationWeight) * loss + options.DistillationWeight * softLoss;
                }
                optimizer.zero_grad();
                loss.backward();
                foreach (var group in optimizer.ParamGroups)
                    group.LearningRate = options.LearningRateSchedule.RateAt(options.LearningRate, step, totalSteps);
                optimizer.step();
                step++;
                var value = loss.item<float>();
                // Once a weight is NaN every later step is too; stopping says so instead of quietly keeping an early epoch.
                if (!float.IsFinite(value))
                    throw new TrainingDivergedException(
                        $"training diverged: the loss of batch {s + 1} in epoch {epoch}{(models > 1 ? $" of network {model} of {models}" : "")} is {value}");
                lossSum += value;
                progress?.Report(new TrainingProgress(epoch, options.MaxEpochs, step, steps, value, best.F1, model, models));
            }
            var validationLogits = Logits(net, validationRows, vocabulary, options.BatchSize);
            var report = ClassificationReport.Of(validationLabels, validationLogits.Select(l => TemperatureScaling.Softmax(l, 1)).ToList());
            history.Add(new EpochRecord(epoch, lossSum / steps, report.LogLoss, report.Accuracy, report.MacroF1));
            if (report.MacroF1 > best.F1)
            {
                foreach (var t in best.State?.Values ?? Enumerable.Empty<Tensor>()) t.Dispose();
                best = (report.MacroF1, epoch, net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone()));
            }
            else if (epoch - best.Epoch >= options.Patience)
            {
                break;
            }
        }
        net.load_state_dict(best.State!);
        foreach (var t in best.State!.Values) t.Dispose();
        net.eval();
        return (net, best.Epoch, history);
    }

    /// <summary>Batches of rows of similar length (less padding, so less work), in random order: the rows are shuffled,
    /// sorted by length within chunks of 50 batches, cut into batches, and the batches shuffled.</summary>
    private static List<List<EncodedRow>> LengthBuckets(int[] order, IReadOnlyList<EncodedRow> rows, int batchSize, Random random)
    {
        random.Shuffle(order);
        var batches = new List<List<EncodedRow>>();
        foreach (var chunk in order.Chunk(batchSize * 50))
            foreach (var batch in chunk.OrderBy(i => rows[i].Ids.Length).Chunk(batchSize))
                batches.Add(batch.Select(i => rows[i]).ToList());
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    /// <summary>Stratified split by text: every row of one text (its issuers' pairs, a file named twice) lands on the same
    /// side, so validation never scores a text that training saw; texts are stratified by their first row's label.</summary>
    public static (List<LabelledText> Train, List<LabelledText> Validation) Split(IReadOnlyList<LabelledText> rows, double fraction, Random random)
    {
        var train = new List<LabelledText>();
        var validation = new List<LabelledText>();
        var texts = rows.GroupBy(r => r.Text, StringComparer.Ordinal).ToList();
        foreach (var stratum in texts.GroupBy(t => t.First().Label).OrderBy(g => g.Key))
        {
            var items = stratum.ToArray();
            random.Shuffle(items);
            var held = (int)Math.Round(items.Length * fraction);
            validation.AddRange(items.Take(held).SelectMany(t => t));
            train.AddRange(items.Skip(held).SelectMany(t => t));
        }
        return (train, validation);
    }

    /// <summary>Raw logits (no temperature) of every row, in order, with the model in evaluation mode.</summary>
    public static List<float[]> Logits(FirmSentimentNet net, IReadOnlyList<EncodedRow> rows, CompactVocabulary vocabulary, int batchSize)
    {
        net.eval();
        var result = new List<float[]>(rows.Count);
        using var noGrad = torch.no_grad();
        for (var s = 0; s < rows.Count; s += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var batch = rows.Skip(s).Take(batchSize).ToList();
            var (ids, mask, aspects, _, evidence, _) = Tensors(batch, vocabulary, 0, null);
            var values = net.forward(ids, mask, aspects, evidence).data<float>().ToArray();
            for (var r = 0; r < batch.Count; r++) result.Add(values.AsSpan(r * 3, 3).ToArray());
        }
        return result;
    }

    /// <summary>A padded batch: compact ids, attention mask, aspect mask (float), labels, and the word-list evidence
    /// features and the teachers' probabilities when the rows carry them.</summary>
    public static (Tensor Ids, Tensor Mask, Tensor Aspects, Tensor Labels, Tensor? Evidence, Tensor? Targets) Tensors(IReadOnlyList<EncodedRow> batch, CompactVocabulary vocabulary,
        double tokenDropout, Random? random)
    {
        var length = batch.Max(r => r.Ids.Length);
        var ids = new long[batch.Count * length];
        var mask = new float[batch.Count * length];
        var aspects = new float[batch.Count * length];
        var labels = new long[batch.Count];
        for (var r = 0; r < batch.Count; r++)
        {
            var row = batch[r];
            var offset = r * length;
            for (var t = 0; t < row.Ids.Length; t++)
            {
                var inside = t > 0 && t < row.Ids.Length - 1;
                ids[offset + t] = inside && random is not null && random.NextDouble() < tokenDropout ? 0 : vocabulary.Rows[row.Ids[t]];
                mask[offset + t] = 1;
            }
            foreach (var a in row.Aspects) aspects.AsSpan(offset + a.First, a.Length).Fill(1);
            labels[r] = row.Label;
        }
        long[] shape = [batch.Count, length];
        Tensor? evidence = null;
        if (batch[0].LexiconEvidence is { } first)
        {
            var values = new float[batch.Count * first.Length];
            for (var r = 0; r < batch.Count; r++) batch[r].LexiconEvidence!.CopyTo(values, r * first.Length);
            evidence = tensor(values, [batch.Count, first.Length]);
        }
        Tensor? targets = null;
        if (batch[0].Target is not null)
        {
            var values = new float[batch.Count * SentimentClasses.Count];
            for (var r = 0; r < batch.Count; r++) batch[r].Target!.CopyTo(values, r * SentimentClasses.Count);
            targets = tensor(values, [batch.Count, SentimentClasses.Count]);
        }
        return (tensor(ids, shape), tensor(mask, shape), tensor(aspects, shape), tensor(labels), evidence, targets);
    }
}
