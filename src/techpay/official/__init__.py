"""The official wage statistics: BLS OEWS estimates, bundled as a small SQLite file.

``build`` writes the bundle from an upstream source; ``bundle`` opens it and looks figures up;
``places`` resolves the places people type. None of them imports a UI framework or pydantic.
"""
