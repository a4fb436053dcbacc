using Microsoft.AspNetCore.Authorization;

namespace Octans.Api.SigningIn;

/// <summary>Who may do what, declared once and applied per endpoint with <c>[Authorize(Policy = ...)]</c>.</summary>
public static class Policies
{
    public const string Coordinator = nameof(Coordinator);
    public const string CoordinatorOrTeamMember = nameof(CoordinatorOrTeamMember);
    public const string CoordinatorOrAdmin = nameof(CoordinatorOrAdmin);
    public const string Admin = nameof(Admin);
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Who may take the problems away as a file: coordinators, councillors and administrators.</summary>
    public const string MayExport = nameof(MayExport);

    public static void AddOctansPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Coordinator, policy => policy.RequireRole(nameof(Role.Coordinator)));
        options.AddPolicy(CoordinatorOrTeamMember, policy => policy.RequireRole(nameof(Role.Coordinator), nameof(Role.TeamMember)));
        options.AddPolicy(CoordinatorOrAdmin, policy => policy.RequireRole(nameof(Role.Coordinator), nameof(Role.Admin)));
        options.AddPolicy(Admin, policy => policy.RequireRole(nameof(Role.Admin)));
        options.AddPolicy(MayExport, policy => policy.RequireRole(nameof(Role.Coordinator), nameof(Role.Councillor), nameof(Role.Admin)));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        options.DefaultPolicy = options.GetPolicy(SignedIn)!;
    }
}
