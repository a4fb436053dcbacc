using System.Text.RegularExpressions;

namespace Octans.Domain;

/// <summary>
/// A short update for residents in plain language ("you said, we did"), published without sign-in. It is one paragraph
/// of at most <see cref="TextLimits.PublicUpdate"/> characters, so that with its street it fits a Beds Connected alert
/// or a WhatsApp message without "read more". A closed problem still takes one: the closing is often what to tell.
/// </summary>
public sealed record WritePublicUpdate(string Text) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, WritePublicUpdate command, Actor by, DateTimeOffset now)
    {
        if (state.Sensitive)
            return Decision.Refuse($"{state.Reference} is sensitive: nothing about it is published, so it takes no public updates.");

        var input = new Input().Required("text", command.Text, "public update", TextLimits.PublicUpdate);
        return input.IsValid
            ? Decision.Accept(new PublicUpdateWritten(state.Id, OneParagraph(command.Text), by, now))
            : input.Refusal();
    }

    private static string OneParagraph(string text) => Regex.Replace(text.Trim(), @"\s+", " ");
}
