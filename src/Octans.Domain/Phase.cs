namespace Octans.Domain;

public enum Phase { Clear, Hold, Build }

/// <summary>The phases in the order a problem moves through them.</summary>
public static class PhaseOrder
{
    public static Phase? Next(this Phase phase) => phase switch
    {
        Phase.Clear => Phase.Hold,
        Phase.Hold => Phase.Build,
        _ => null,
    };

    public static Phase? Previous(this Phase phase) => phase switch
    {
        Phase.Build => Phase.Hold,
        Phase.Hold => Phase.Clear,
        _ => null,
    };
}
