using Marten;

namespace Octans.Api.SigningIn;

public enum Role { Coordinator, TeamMember, Councillor, Admin }

/// <summary>A member of staff who signs in to Octans. Octans holds no accounts for members of the public.</summary>
public sealed class User
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; }
    public Guid? TeamId { get; set; }
    public bool Disabled { get; set; }

    /// <summary>The user asked for no reminder emails (Reminders/TurningOff).</summary>
    public bool RemindersOff { get; set; }

    /// <summary>An administrator asked that this user sign in in two steps; administrators always do (TwoStepRule).</summary>
    public bool TwoStepRequired { get; set; }

    /// <summary>
    /// The password was given by an administrator, who therefore knows it: the next sign-in goes to changing it before anything
    /// else. Choosing one with a reset link, or changing it, clears this.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The authenticator app's secret, sealed with Data Protection; null until two-step sign-in is set up.</summary>
    public string? AuthenticatorSecret { get; set; }

    /// <summary>The time step of the last code taken, so a code is never taken twice.</summary>
    public long AuthenticatorLastStep { get; set; }

    /// <summary>SHA-256 of each recovery code not yet used.</summary>
    public List<string> RecoveryCodeHashes { get; set; } = [];

    public bool HasTwoStep => AuthenticatorSecret is not null;

    // Changes whenever the user is disabled or their role, password or two-step sign-in changes, so older tokens stop working.
    public string SecurityStamp { get; set; } = NewStamp();

    public bool IsEnabledAdmin => Role == Role.Admin && !Disabled;

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

public static class SigningInStorage
{
    public static void ConfigureSigningIn(this StoreOptions options)
    {
        // Every write to a user carries the version it read (UserWrites), so racing writes never undo each other.
        options.Schema.For<User>().UniqueIndex(user => user.Email).UseOptimisticConcurrency(true);
        options.Schema.For<SigningKey>();
        options.Schema.For<PasswordReset>().UseOptimisticConcurrency(true);
        SignInFailures.Declare(options);
        EndedSessions.Declare(options);
        SignInCounts.Declare(options);
        Admin.Changes.AdminChanges.Declare(options);
    }
}
