namespace Octans.Domain; public enum Phase { Clear, Hold, Build }
