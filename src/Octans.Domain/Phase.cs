namespace Octans.Domain;

public enum Phase { Clear, Hold, Build }

/// <summary>The order of the phases: Clear, then Hold, then Build, the last.</summary>
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
