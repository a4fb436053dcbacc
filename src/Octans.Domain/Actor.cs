namespace Octans.Domain;

/// <summary>The member of staff who did something. Never a member of the public.</summary>
public sealed record Actor(Guid UserId, string Name);
