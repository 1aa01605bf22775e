from sukien.cli import main

raise SystemExit(main())
