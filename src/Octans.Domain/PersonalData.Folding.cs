using System.Globalization;
using System.Text;

namespace Octans.Domain;

public static partial class PersonalData
{
    /// <summary>
    /// Text as the patterns read it: full-width and other compatibility forms folded to ASCII (NFKC), every decimal
    /// digit made an ASCII digit, spaces made ' ', dashes '-', and invisible characters dropped. Each folded character
    /// remembers which characters of the original it came from, so what is found is replaced in the original.
    /// </summary>
    private readonly struct Folded
    {
        private readonly (int Start, int End)[]? origins;

        private Folded(string text, (int Start, int End)[]? origins) => (Text, this.origins) = (text, origins);

        public string Text { get; }

        /// <summary>The original characters that the folded characters from <paramref name="start"/> to <paramref name="end"/> came from.</summary>
        public Piece Original(int start, int end, PersonalDataKind kind) =>
            origins is null ? new(start, end, kind) : new(origins[start].Start, origins[end - 1].End, kind);

        public static Folded From(string text)
        {
            if (Ascii.IsValid(text))
                return new(text, null);

            var folded = new StringBuilder(text.Length);
            var origins = new List<(int Start, int End)>(text.Length);
            for (var i = 0; i < text.Length;)
            {
                // A lone surrogate reads as U+FFFD, one character wide, and is kept in the original like the rest.
                Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width);
                foreach (var c in Fold(rune))
                {
                    folded.Append(c);
                    origins.Add((i, i + width));
                }
                i += width;
            }
            return new(folded.ToString(), [.. origins]);
        }

        private static string Fold(Rune rune)
        {
            if (rune.IsAscii)
                return rune.ToString();
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark)
                return "";
            if (Rune.IsDigit(rune))
                return ((char)('0' + (int)Rune.GetNumericValue(rune))).ToString();
            if (Rune.IsWhiteSpace(rune))
                return " ";
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DashPunctuation || rune.Value == 0x2212)
                return "-";
            if (rune.Value is 0x3002 or 0xFF61)
                return ".";
            var compatible = rune.ToString().Normalize(NormalizationForm.FormKC);
            return Ascii.IsValid(compatible) ? compatible : rune.ToString();
        }
    }
}
