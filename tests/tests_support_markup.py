"""A small filing whose labels hold markup and an ANSI escape, shared by index tests."""

MARKUP = """FORM 6-K

                          For the month of May 2003

                           BRAMBLE PUBLISHING plc

12 May 2003

        BRAMBLE PUBLISHING PLC [Axis] RESULTS FOR THE YEAR ENDED 31 MARCH 2003

                        Segment analysis [Axis]

<TABLE>
<CAPTION>
                                         Year ended 31 March
                                        2003            2002
                                       GBP'000         GBP'000
<S>                                    <C>             <C>
Segments [Axis]                        48,612          45,230
[red]x[/red]                          (29,870)        (28,114)
Total \x1b[31mcosts                     18,742          17,116
</TABLE>
"""
