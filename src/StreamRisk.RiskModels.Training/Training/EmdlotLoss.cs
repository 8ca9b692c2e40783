using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>
/// EMDLOT's loss terms. Total = class loss + λ_dist·usage balance + λ_sep·separation (+ the K-means warm-up term
/// during warm-up). Sign of the cluster-usage entropy term: the study adds λ_dist·(entropy term) so that clusters are
/// used evenly; we minimise KL(ū ‖ uniform) = ln K − H(ū), where ū is the batch's mean assignment — i.e. we
/// maximise the usage entropy, and the term is 0 when every cluster takes the same share and ln K when one takes all.
/// </summary>
public static class EmdlotLoss
{
    private const double Epsilon = 1e-8;

    /// <summary>Class-weighted negative log-likelihood of the mixture's probabilities [B,3] at labels [B] (int64):
    /// Σ w_y·(−ln P_y) / Σ w_y, as torch's weighted cross-entropy normalises.</summary>
    public static Tensor ClassLoss(Tensor probabilities, Tensor labels, Tensor classWeights)
    {
        var picked = probabilities.gather(1, labels.unsqueeze(1)).squeeze(1);
        var weights = classWeights.index_select(0, labels);
        return picked.add(Epsilon).log().neg().mul(weights).sum().div(weights.sum().clamp_min(Epsilon));
    }

    /// <summary>ln K − H(ū) with ū the mean assignment [B,K] over the batch: ≥ 0, 0 when clusters are used evenly.</summary>
    public static Tensor UsageBalance(Tensor assignment)
    {
        var k = assignment.shape[1];
        var usage = assignment.mean([0L]);
        return usage.mul(usage.clamp_min(1e-12).log()).sum().add(Math.Log(k));
    }

    /// <summary>1 / (mean pairwise Euclidean distance between centroids [K,H] + 1e-6); 0 for a single cluster.</summary>
    public static Tensor Separation(Tensor centroids)
    {
        var k = centroids.shape[0];
        if (k < 2) return torch.zeros(1).sum();
        var distances = centroids.unsqueeze(0).sub(centroids.unsqueeze(1)).pow(2).sum(-1).add(1e-12).sqrt();
        // Each unordered pair appears twice off the diagonal; the diagonal holds ~1e-6 and is left out.
        var offDiagonal = distances.sum().sub(distances.diagonal().sum()).div(k * (k - 1));
        return offDiagonal.add(1e-6).reciprocal();
    }

    /// <summary>Warm-up: −mean ln p(K-means label) of the assignment [B,K], which pulls each example to its K-means cluster.</summary>
    public static Tensor ClusterWarmup(Tensor assignment, Tensor clusterLabels) =>
        assignment.gather(1, clusterLabels.unsqueeze(1)).add(Epsilon).log().neg().mean();
}
