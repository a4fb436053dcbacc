namespace Octans.Reports.MonthlyPacks;

/// <summary>A team that actions are given to, and the partner organisation it belongs to.</summary>
public sealed record PartnerTeam(Guid Id, string Name, string Partner);
