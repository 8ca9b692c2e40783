namespace StreamRisk.Pipeline.Hosting;

/// <summary>Which event bus the stages run on (<c>STREAMRISK_BUS</c>).</summary>
public enum BusKind { Embedded, Kafka }
