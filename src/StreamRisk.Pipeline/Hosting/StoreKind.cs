namespace StreamRisk.Pipeline.Hosting;

/// <summary>Which store the stages write to (<c>STREAMRISK_STORE</c>).</summary>
public enum StoreKind { Sqlite, Postgres }
