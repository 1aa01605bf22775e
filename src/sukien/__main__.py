from sukien.shells.cli import main

raise SystemExit(main())
